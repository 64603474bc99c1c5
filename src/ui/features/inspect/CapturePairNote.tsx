// Above a message of a capture: the request or response it pairs with (ID ↔ InResponseTo), one
// click away. The core already takes the capture's other messages as expectation sources, so
// the selected message is checked with its pair as context (see "Expectations used").
import type { InspectedMessage } from '../../../core/types';
import { pairCaptureMessages } from './pairs';

type PairedMessage = Pick<InspectedMessage, 'kind' | 'id' | 'inResponseTo'>;

export function CapturePairNote({ messages, selected, onSelect }: { messages: readonly PairedMessage[]; selected: number; onSelect: (i: number) => void }) {
  if (messages.length < 2) return null;
  const pairs = pairCaptureMessages(messages).filter((p) => p.request === selected || p.response === selected);
  if (pairs.length === 0) return null;
  return (
    <p className="capture-pair small" data-capture-pair={pairs.map((p) => (p.request === selected ? p.response : p.request)).join(' ')}>
      {pairs.map((p) => {
        const other = p.request === selected ? p.response : p.request;
        const rel = p.request === selected ? 'answered by' : 'answers';
        return (
          <span key={`${p.request}-${p.response}`}>
            This message {rel}{' '}
            <button type="button" className="link-button" onClick={() => onSelect(other)}>
              {messages[other]!.kind} (message {other + 1})
            </button>{' '}
            — ID <code>{p.id}</code>
            {p.request === selected ? ' is its InResponseTo' : ' is this InResponseTo'}.{' '}
          </span>
        );
      })}
    </p>
  );
}
