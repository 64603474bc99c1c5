// One message as inspectInput (inspect.ts) hands it to the diagnosis (analyse.ts): its own module
// so that the two depend on it, not on each other.
import type { InspectedMessage, RawFinding } from './types';

export interface ParsedMessage {
  message: InspectedMessage;
  doc: Document;
  raw: RawFinding[];
  consumedAssertionIndex: number | null;
  lineOfNode(node: Node | null | undefined): { line: number; column: number } | null;
}
