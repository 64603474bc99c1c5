// The SP side of the mock SP: what goes into the AuthnRequest (SAML core §3.4.1).
import { AUTHN_CONTEXT_CLASSES, NAMEID_FORMATS, type AuthnContextComparison, type MockSpSettings, type ProtocolBindingName, type SettingsProblem } from '../../../core/mocksp';
import { CheckField, SelectField, TextField } from './MockSpFields';

const NONE = '(omitted)';

export function MockSpSettingsForm({ settings, onChange, problems }: { settings: MockSpSettings; onChange: (patch: Partial<MockSpSettings>) => void; problems: SettingsProblem[] }) {
  const p = (field: keyof MockSpSettings) => problems.filter((x) => x.field === field);
  const rac = settings.requestedAuthnContext;
  return (
    <section className="panel mock-sp-settings" aria-labelledby="sp-settings-heading">
      <h2 id="sp-settings-heading">Service provider</h2>
      <div className="options-grid">
        <TextField label="SP entity ID" value={settings.spEntityId} onChange={(v) => onChange({ spEntityId: v })} problems={p('spEntityId')} hint="The Issuer of the requests; the IdP's Audience must equal it." />
        <TextField label="ACS URL" value={settings.acsUrl} onChange={(v) => onChange({ acsUrl: v })} problems={p('acsUrl')} hint="Default: samlscope's own /acs, where the answer is captured." />
        <SelectField
          label="Identify the ACS by"
          value={settings.useAcsIndex ? 'index' : 'url'}
          options={[
            { value: 'url', label: 'AssertionConsumerServiceURL + ProtocolBinding' },
            { value: 'index', label: 'AssertionConsumerServiceIndex' },
          ]}
          onChange={(v) => onChange({ useAcsIndex: v === 'index' })}
        />
        {settings.useAcsIndex ? (
          <TextField label="ACS index" type="number" value={String(settings.acsIndex)} onChange={(v) => onChange({ acsIndex: v === '' ? 0 : Number(v) })} problems={p('acsIndex')} />
        ) : (
          <SelectField<ProtocolBindingName | typeof NONE>
            label="ProtocolBinding"
            value={settings.protocolBinding ?? NONE}
            options={[
              { value: 'HTTP-POST', label: 'HTTP-POST' },
              { value: 'HTTP-Redirect', label: 'HTTP-Redirect' },
              { value: 'HTTP-Artifact', label: 'HTTP-Artifact' },
              { value: NONE, label: NONE },
            ]}
            onChange={(v) => onChange({ protocolBinding: v === NONE ? null : v })}
            problems={p('protocolBinding')}
          />
        )}
        <SelectField
          label="NameIDPolicy format"
          value={settings.nameIdPolicyFormat ?? NONE}
          options={[...Object.entries(NAMEID_FORMATS).map(([k, v]) => ({ value: v as string, label: k })), { value: NONE, label: NONE }]}
          onChange={(v) => onChange({ nameIdPolicyFormat: v === NONE ? null : v })}
        />
        <SelectField
          label="AllowCreate"
          value={settings.allowCreate === null ? NONE : String(settings.allowCreate)}
          options={[
            { value: 'true', label: 'true' },
            { value: 'false', label: 'false' },
            { value: NONE, label: NONE },
          ]}
          onChange={(v) => onChange({ allowCreate: v === NONE ? null : v === 'true' })}
        />
        <TextField label="RelayState" value={settings.relayState} onChange={(v) => onChange({ relayState: v })} problems={p('relayState')} hint="Echoed back unchanged with the answer (at most 80 bytes)." />
        <TextField label="SP SLO URL (metadata)" value={settings.spSloUrl} onChange={(v) => onChange({ spSloUrl: v })} problems={p('spSloUrl')} />
        <CheckField label="ForceAuthn" checked={settings.forceAuthn} onChange={(v) => onChange({ forceAuthn: v })} problems={p('forceAuthn')} />
        <CheckField label="IsPassive" checked={settings.isPassive} onChange={(v) => onChange({ isPassive: v })} problems={p('isPassive')} />
        <CheckField
          label="RequestedAuthnContext"
          checked={rac !== null}
          onChange={(v) => onChange({ requestedAuthnContext: v ? { classRefs: [AUTHN_CONTEXT_CLASSES.PasswordProtectedTransport], comparison: 'exact' } : null })}
          problems={p('requestedAuthnContext')}
        />
        {rac && (
          <>
            <SelectField<AuthnContextComparison>
              label="Comparison"
              value={rac.comparison}
              options={(['exact', 'minimum', 'maximum', 'better'] as const).map((c) => ({ value: c, label: c }))}
              onChange={(v) => onChange({ requestedAuthnContext: { ...rac, comparison: v } })}
            />
            <fieldset className="option class-refs">
              <legend>AuthnContextClassRef</legend>
              {Object.entries(AUTHN_CONTEXT_CLASSES).map(([name, uri]) => (
                <label key={uri}>
                  <input
                    type="checkbox"
                    checked={rac.classRefs.includes(uri)}
                    onChange={(e) => onChange({ requestedAuthnContext: { ...rac, classRefs: e.target.checked ? [...rac.classRefs, uri] : rac.classRefs.filter((c) => c !== uri) } })}
                  />{' '}
                  {name}
                </label>
              ))}
            </fieldset>
          </>
        )}
      </div>
    </section>
  );
}
