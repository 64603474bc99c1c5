// "No way in without a message" (issue 14 item 6): the examples the project makes itself
// (examples/index.ts), on the first screen and, once something is loaded, behind a menu.
import { useRef } from 'react';
import { EXAMPLES, type InspectExample } from './examples';

const GROUPS: { id: InspectExample['group']; title: string }[] = [
  { id: 'seed', title: 'Scaleway with authentik as IdP: the three documented failures' },
  { id: 'signature', title: 'Signatures: valid, tampered, wrapped, untrusted' },
];

export function ExamplesList({ onLoad, groupLevel }: { onLoad: (example: InspectExample) => void; groupLevel: 2 | 3 }) {
  const Heading = groupLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="examples-list">
      {GROUPS.map((g) => (
        <section key={g.id} aria-label={g.title}>
          <Heading className="examples-group">{g.title}</Heading>
          <ul>
            {EXAMPLES.filter((e) => e.group === g.id).map((e) => (
              <li key={e.id}>
                <button type="button" className="example-button" data-example-id={e.id} onClick={() => onLoad(e)}>
                  <span className="example-title">{e.title}</span>
                  <span className="example-story small">{e.story}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The first screen's answer column: what to paste, or an example to start from. */
export function FirstScreen({ onLoad }: { onLoad: (example: InspectExample) => void }) {
  return (
    <section className="panel first-screen" aria-labelledby="examples-heading">
      <h2 id="examples-heading">No message at hand? Try an example</h2>
      <p className="small muted">
        Real messages signed for these examples, with the IdP metadata they need and the instant they are evaluated at. The answer shows here: the
        verdict first, then what is wrong, worst first.
      </p>
      <ExamplesList onLoad={onLoad} groupLevel={3} />
    </section>
  );
}

/** The same list as a menu in the input panel's head, once a message is shown. */
export function ExamplesMenu({ onLoad }: { onLoad: (example: InspectExample) => void }) {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details className="examples-menu" ref={ref}>
      <summary className="button">Examples</summary>
      <div className="examples-popover">
        <ExamplesList
          groupLevel={2}
          onLoad={(e) => {
            if (ref.current) ref.current.open = false;
            onLoad(e);
          }}
        />
      </div>
    </details>
  );
}
