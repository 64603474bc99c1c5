// Side-effect imports: the editor features this page uses (folding for the XML view, find,
// bracket matching, hover for finding markers, clipboard, context menu), the codicon font and
// the XML grammar. Monaco's own per-feature entry points (features/*/register) keep the
// bundle to what is used instead of editor.main's every-language-and-feature set.
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/wordOperations/register';
// Ctrl+M / Ctrl+Shift+M: let Tab move focus out of the editor (keyboard users).
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/languages/definitions/xml/register';
