// The IdP side: paste its metadata (or type an SSO URL), pick the endpoint and binding. A binding
// the endpoint does not take is flagged before sending (authentik's 403 CSRF case).
import { useId, useState } from 'react';
import { bindingNameOf, endpointForBinding, recogniseAuthentikUrl, type BindingWarning, type IdpEntityEndpoints, type MockSpSettings, type SamlBindingName, type SettingsProblem } from '../../../core/mocksp';
import type { InputError } from '../../../core/types';
import { mockIdpMetadataOfThisBrowser } from '../mock-idp/shortcut';
import { SelectField, TextField } from './MockSpFields';

const BINDINGS: readonly { value: SamlBindingName; label: string }[] = [
  { value: 'HTTP-Redirect', label: 'HTTP-Redirect (GET)' },
  { value: 'HTTP-POST', label: 'HTTP-POST (form)' },
];

export function BindingWarnings({ warnings }: { warnings: BindingWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="binding-warnings" aria-label="Before sending">
      {warnings.map((w, i) => (
        <li key={i} className={`finding sev-${w.severity}`} data-finding-code={w.code} data-severity={w.severity} role={w.severity === 'error' ? 'alert' : undefined}>
          <strong>{w.title}</strong> <span className="pill">{w.code}</span>
          <p>{w.message}</p>
          {(w.suggestedUrl || w.suggestedBinding) && (
            <p className="small">
              {w.suggestedUrl && (
                <>
                  Use <code>{w.suggestedUrl}</code>
                </>
              )}
              {w.suggestedUrl && w.suggestedBinding ? ', or ' : ''}
              {w.suggestedBinding && (
                <>
                  send with <code>{w.suggestedBinding}</code>
                </>
              )}
              .
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MockSpIdpPanel(props: {
  settings: MockSpSettings;
  onChange: (patch: Partial<MockSpSettings>) => void;
  metadata: string;
  onMetadataChange: (xml: string) => void;
  idps: IdpEntityEndpoints[];
  idp: IdpEntityEndpoints | null;
  metadataError: InputError | null;
  problems: SettingsProblem[];
  warnings: BindingWarning[];
  sloWarnings: BindingWarning[];
}) {
  const { settings, onChange, idps, idp } = props;
  const metaId = useId();
  const p = (field: keyof MockSpSettings) => props.problems.filter((x) => x.field === field);
  const authentik = settings.destination ? recogniseAuthentikUrl(settings.destination) : null;
  // Said once the URL moved with the binding, so the change is never silent.
  const [followed, setFollowed] = useState<{ service: 'sso' | 'slo'; url: string; binding: SamlBindingName } | null>(null);
  const switchBinding = (service: 'sso' | 'slo', binding: SamlBindingName) => {
    const current = service === 'sso' ? settings.destination : settings.sloUrl;
    const url = current || idp ? endpointForBinding(current, binding, idp, service) : null;
    const moved = url !== null && url !== current;
    if (service === 'sso') onChange({ idpBinding: binding, ...(moved ? { destination: url } : {}) });
    else onChange({ sloBinding: binding, ...(moved ? { sloUrl: url } : {}) });
    setFollowed(moved ? { service, url, binding } : null);
  };
  const endpointKey = (binding: string, location: string) => `${binding} ${location}`;
  const ssoOptions = (idp?.singleSignOnServices ?? []).filter((e) => bindingNameOf(e.binding) === 'HTTP-POST' || bindingNameOf(e.binding) === 'HTTP-Redirect');
  const currentSso = ssoOptions.find((e) => e.location === settings.destination && bindingNameOf(e.binding) === settings.idpBinding);
  return (
    <section className="panel mock-sp-idp" aria-labelledby="idp-heading">
      <h2 id="idp-heading">Identity provider</h2>
      <div className="option">
        <label htmlFor={metaId}>IdP metadata</label>
        <textarea
          id={metaId}
          className="metadata-input"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          placeholder="Paste the IdP metadata XML (its signing certificate becomes the trust anchor of the answer), or type the SSO URL below"
          value={props.metadata}
          onChange={(e) => props.onMetadataChange(e.target.value)}
        />
        <UseMockIdp onMetadata={props.onMetadataChange} />
        {props.metadataError && (
          <p className="input-error small" role="alert" data-error-code={props.metadataError.code}>
            {props.metadataError.message}
          </p>
        )}
        {idp && (
          <p className="small" data-idp-entity-id={idp.entityId}>
            IdP <code>{idp.entityId}</code>: {idp.singleSignOnServices.length} SSO endpoint(s), {idp.signingCertificates.length} signing certificate(s)
            {idp.wantAuthnRequestsSigned ? ', wants signed AuthnRequests' : ''}.
          </p>
        )}
      </div>
      <div className="options-grid">
        {idps.length > 1 && (
          <SelectField
            label="IdP entity"
            value={idp?.entityId ?? ''}
            options={idps.map((i) => ({ value: i.entityId, label: i.entityId }))}
            onChange={(v) => onChange({ idpEntityId: v })}
          />
        )}
        {ssoOptions.length > 0 && (
          <SelectField
            label="SSO endpoint from metadata"
            value={currentSso ? endpointKey(currentSso.binding, currentSso.location) : ''}
            options={[
              ...(currentSso ? [] : [{ value: '', label: '(typed URL)' }]),
              ...ssoOptions.map((e) => ({ value: endpointKey(e.binding, e.location), label: `${bindingNameOf(e.binding)} — ${e.location}` })),
            ]}
            onChange={(v) => {
              const e = ssoOptions.find((x) => endpointKey(x.binding, x.location) === v);
              if (e) onChange({ destination: e.location, idpBinding: bindingNameOf(e.binding) as SamlBindingName });
            }}
          />
        )}
        <TextField label="IdP SSO URL (Destination)" value={settings.destination} onChange={(v) => onChange({ destination: v })} problems={p('destination')} placeholder="https://idp.example.com/sso" />
        <SelectField label="Send binding" value={settings.idpBinding} options={BINDINGS} onChange={(v) => switchBinding('sso', v)} />
        <TextField label="IdP entity ID (expected Issuer)" value={settings.idpEntityId} onChange={(v) => onChange({ idpEntityId: v })} />
        <TextField label="IdP SLO URL" value={settings.sloUrl} onChange={(v) => onChange({ sloUrl: v })} problems={p('sloUrl')} />
        <SelectField label="Logout binding" value={settings.sloBinding} options={BINDINGS} onChange={(v) => switchBinding('slo', v)} />
      </div>
      {followed && (followed.service === 'sso' ? settings.destination : settings.sloUrl) === followed.url && (
        <p className="small endpoint-followed" data-endpoint-followed={followed.service}>
          The {followed.service === 'sso' ? 'SSO' : 'logout'} URL now is the IdP’s {followed.binding} endpoint{' '}
          <code>{followed.url}</code> ({idp ? 'from the metadata' : 'authentik’s endpoint for that binding'}).
        </p>
      )}
      {authentik && (
        <p className="small authentik-note" data-authentik-kind={authentik.kind}>
          Recognised an authentik URL ({authentik.kind}
          {authentik.slug ? `, application “${authentik.slug}”` : ''}).
        </p>
      )}
      <BindingWarnings warnings={props.warnings} />
      <BindingWarnings warnings={props.sloWarnings} />
    </section>
  );
}

/** Fills the IdP metadata with the mock IdP of this browser (docs/mock-idp.md). */
function UseMockIdp({ onMetadata }: { onMetadata: (xml: string) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <p className="small">
      <button
        type="button"
        onClick={async () => {
          const r = await mockIdpMetadataOfThisBrowser(window.location.origin);
          setProblem(r.ok ? null : r.message);
          if (r.ok) onMetadata(r.xml);
        }}
      >
        Use the mock IdP
      </button>
      {problem && (
        <span role="alert" className="input-error">
          {' '}
          {problem}
        </span>
      )}
    </p>
  );
}

