// The mock IdP (route /mock-idp, CONTRACT §4; issue 16): receives an SP's AuthnRequest or
// LogoutRequest at its SSO/SLO URL, answers with a Response built by src/core/idp — valid,
// or one of the test pack's variants — and POSTs it to the SP's ACS. docs/mock-idp.md.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  acsFor,
  buildLogoutResponse,
  issueResponse,
  parseReturnUrl,
  postFields,
  PRESETS,
  presetNamed,
  readRequest,
  readSpMetadata,
  returnUrlFor,
  VALID_ROW,
  VARIANTS,
  type IdpBlockCipher,
  type MockUser,
  type PackResults,
  type SignMode,
  type SpKeyPair,
  type SpOutcome,
} from '../../../core/idp';
import { inspectInput } from '../../../core/inspect';
import type { InspectedMessage } from '../../../core/types';
import { CheckField, SelectField, TextField } from '../mock-sp/MockSpFields';
import { attributesToText, textToAttributes } from './attributesText';
import { idpEndpoints } from './endpoints';
import { IdentityPanel } from './IdentityPanel';
import { incomingFromLocation, type Incoming } from './incoming';
import { submitPost } from '../../shared/submitPost';
import { RequestPanel } from './RequestPanel';
import { loadIdpKey, loadIdpSettings, loadPackResults, PACK_RESULTS_KEY, saveIdpSettings, savePackResults, storeIdpKey, type MockIdpSettings } from './storage';
import { TestPackPanel } from './TestPackPanel';
import '../mock-sp/mock-sp.css';
import './mock-idp.css';

const SIGN_OPTIONS: { value: SignMode; label: string }[] = [
  { value: 'both', label: 'Response and assertion' },
  { value: 'assertion', label: 'Assertion only' },
  { value: 'response', label: 'Response only' },
  { value: 'none', label: 'None' },
];
const CIPHER_OPTIONS: { value: IdpBlockCipher; label: string }[] = [
  { value: 'aes256-gcm', label: 'AES-256-GCM' },
  { value: 'aes128-gcm', label: 'AES-128-GCM' },
  { value: 'aes256-cbc', label: 'AES-256-CBC' },
  { value: 'aes128-cbc', label: 'AES-128-CBC' },
];

function userAttributes(settings: MockIdpSettings, user: MockUser | undefined): string {
  const preset = presetNamed(settings.preset) ?? PRESETS[0]!;
  return user ? attributesToText(preset.attributes(user)) : '';
}

export function MockIdpPage() {
  const origin = window.location.origin;
  const { ssoUrl } = idpEndpoints(origin);
  const [settings, setSettings] = useState<MockIdpSettings>(() => loadIdpSettings(origin));
  const [keyPair, setKeyPairState] = useState<SpKeyPair | null>(null);
  const [keyLoaded, setKeyLoaded] = useState(false);
  const [incoming, setIncoming] = useState<Incoming | null>(() => incomingFromLocation(window.location));
  const [pasted, setPasted] = useState('');
  const [message, setMessage] = useState<InspectedMessage | null>(null);
  const [results, setResults] = useState<PackResults>(() => loadPackResults());
  const [detectReturn, setDetectReturn] = useState(true);
  const user = settings.users[settings.userIndex];
  const preset = presetNamed(settings.preset) ?? PRESETS[0]!;
  const [nameId, setNameId] = useState(() => (user ? user[preset.nameIdFrom] : ''));
  const [nameIdFormat, setNameIdFormat] = useState(preset.nameIdFormat);
  const [attributesText, setAttributesText] = useState(() => userAttributes(settings, user));
  const [variant, setVariant] = useState<string>(VALID_ROW);
  const [relayState, setRelayState] = useState('');
  const [draft, setDraft] = useState<{ xml: string; row: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const update = useCallback((p: Partial<MockIdpSettings>) => setSettings((s) => ({ ...s, ...p })), []);
  useEffect(() => saveIdpSettings(settings), [settings]);

  useEffect(() => {
    let live = true;
    void loadIdpKey().then((k) => {
      if (!live) return;
      if (k) setKeyPairState(k);
      setKeyLoaded(true);
    });
    return () => {
      live = false;
    };
  }, []);
  const setKeyPair = (k: SpKeyPair | null) => {
    setKeyPairState(k);
    void storeIdpKey(k);
  };

  // The SP redirected back to the test pack's return URL: it accepted that Response.
  useEffect(() => {
    const back = parseReturnUrl(window.location.search);
    if (!back) return;
    setResults((r) => {
      const next = { ...r, [back.row]: { outcome: back.outcome, source: 'detected' as const, at: new Date().toISOString() } };
      savePackResults(next);
      return next;
    });
    setStatus(`The SP redirected back after ${back.row}: marked ${back.outcome}.`);
    window.history.replaceState(null, '', `${window.location.pathname}`);
  }, []);
  // Results marked in another tab (the SP's redirect back lands in the tab the form opened).
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === PACK_RESULTS_KEY) setResults(loadPackResults());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  // A captured POST arrives in the fragment: read it once, then keep it out of the address bar.
  useEffect(() => {
    if (window.location.hash.includes('capture=')) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, []);

  // User or preset changed: NameID and attributes follow.
  const choose = (p: Partial<MockIdpSettings>) => {
    const next = { ...settings, ...p };
    const u = next.users[next.userIndex];
    const pr = presetNamed(next.preset) ?? PRESETS[0]!;
    setSettings(next);
    setNameId(u ? u[pr.nameIdFrom] : '');
    setNameIdFormat(pr.nameIdFormat);
    setAttributesText(userAttributes(next, u));
    if (p.preset) update({ sign: pr.sign });
  };

  // ---- SP and request ----
  const sp = useMemo(() => (settings.spMetadata.trim() ? readSpMetadata(settings.spMetadata) : null), [settings.spMetadata]);
  const source = incoming ?? (pasted.trim() ? { payload: pasted, method: 'POST' as const, path: '(pasted)', via: 'pasted' as const } : null);
  const facts = useMemo(() => (source ? readRequest(source.payload) : null), [source?.payload]);
  useEffect(() => {
    let live = true;
    setMessage(null);
    if (!source) return;
    void inspectInput(source.payload, 'request', { trust: settings.spMetadata.trim() ? [settings.spMetadata] : [] }).then((r) => {
      if (live) setMessage(r.messages[0] ?? null);
    });
    return () => {
      live = false;
    };
  }, [source?.payload, settings.spMetadata]);
  const request = facts?.ok && facts.value.kind === 'AuthnRequest' ? facts.value : null;
  const logout = facts?.ok && facts.value.kind === 'LogoutRequest' ? facts.value : null;
  const spFacts = sp?.ok ? sp.value : null;
  const acsUrl = settings.acsUrl.trim() || acsFor(request, spFacts) || '';
  const spEntityId = settings.spEntityId.trim() || spFacts?.entityId || request?.issuer || '';
  const effectiveRelay = relayState || request?.relayState || '';
  useEffect(() => {
    if (request?.nameIdPolicyFormat && !/unspecified$/.test(request.nameIdPolicyFormat)) setNameIdFormat(request.nameIdPolicyFormat);
  }, [request?.nameIdPolicyFormat]);

  const parsedAttributes = textToAttributes(attributesText);
  const missing = !acsUrl ? 'No ACS URL: paste the SP metadata, receive a request, or type the ACS URL.' : !spEntityId ? 'No SP entity ID: paste the SP metadata or type it.' : null;

  const build = async (row: string): Promise<string | null> => {
    setError(null);
    if (missing) {
      setError(missing);
      return null;
    }
    const encryptTo = settings.encrypt ? spFacts?.encryptionCertificate : null;
    if (settings.encrypt && !encryptTo) {
      setError('Encryption needs the SP\'s encryption certificate: paste SP metadata with a KeyDescriptor.');
      return null;
    }
    const v = row === VALID_ROW ? null : VARIANTS.find((x) => x.name === row) ?? null;
    const r = await issueResponse({
      idpEntityId: settings.entityId,
      spEntityId,
      acsUrl,
      inResponseTo: request?.id ?? null,
      nameId,
      nameIdFormat,
      attributes: parsedAttributes.attributes,
      sign: settings.sign,
      key: keyPair,
      encrypt: encryptTo && (!v || v.encryptable) ? { certificate: encryptTo, blockCipher: settings.blockCipher } : null,
      variant: v?.name ?? null,
    });
    if (!r.ok) {
      setError(`${r.error.code}: ${r.error.message}`);
      return null;
    }
    return r.value.xml;
  };

  const onBuild = async () => {
    const xml = await build(variant);
    if (xml) setDraft({ xml, row: variant });
  };

  const send = (xml: string, newTab: boolean, relay: string | null) => {
    submitPost(acsUrl, postFields(xml, relay), newTab);
  };

  const onSendDraft = async () => {
    const xml = draft?.xml ?? (await build(variant));
    if (!xml) return;
    send(xml, false, effectiveRelay || null);
  };

  const onPackSend = async (row: string) => {
    const xml = await build(row);
    if (!xml) return;
    setStatus(`Sent ${row} to ${acsUrl}.`);
    send(xml, true, detectReturn ? returnUrlFor(origin, row) : effectiveRelay || null);
  };

  const mark = (row: string, outcome: SpOutcome) => {
    setResults((r) => {
      const next = { ...r };
      if (outcome === 'not-run') delete next[row];
      else next[row] = { outcome, source: 'tester', at: new Date().toISOString() };
      savePackResults(next);
      return next;
    });
  };

  const answerLogout = async () => {
    if (!logout) return;
    const slo = spFacts?.sloUrl;
    if (!slo) {
      setError('The SP metadata lists no SingleLogoutService to send the LogoutResponse to.');
      return;
    }
    const r = await buildLogoutResponse({ idpEntityId: settings.entityId, inResponseTo: logout.id, destination: slo }, keyPair);
    if (!r.ok) {
      setError(`${r.error.code}: ${r.error.message}`);
      return;
    }
    submitPost(slo, postFields(r.value, logout.relayState, 'SAMLResponse'), false);
  };

  const noKey = keyLoaded && !keyPair && settings.sign !== 'none';

  return (
    <div className="mock-sp mock-idp">
      <div className="panel-head">
        <h1>Mock IdP</h1>
      </div>
      <p>
        An identity provider in this page: it answers your SP with the Response you choose — valid, misconfigured, or hostile (the test pack) — and POSTs it to the ACS. Keys and settings stay in
        this browser.
      </p>
      {status && (
        <p role="status" className="small">
          {status}
        </p>
      )}
      <div className="mock-idp-grid">
        <IdentityPanel settings={settings} onChange={update} keyPair={keyPair} onKeyPair={setKeyPair} />
        <section className="panel mock-idp-sp" aria-labelledby="idp-sp-heading">
          <h2 id="idp-sp-heading">Service provider</h2>
          <label>
            SP metadata
            <textarea className="metadata-input" value={settings.spMetadata} onChange={(e) => update({ spMetadata: e.target.value })} spellCheck={false} />
          </label>
          {sp && !sp.ok && (
            <p role="alert" className="problem-error">
              {sp.error.code}: {sp.error.message}
            </p>
          )}
          {spFacts && (
            <p className="small" data-sp-entity={spFacts.entityId}>
              {spFacts.entityId}: ACS {spFacts.acsUrl ?? '—'}, {spFacts.encryptionCertificate ? 'encryption certificate present' : 'no encryption certificate'}
              {spFacts.sloUrl ? `, SLO ${spFacts.sloUrl}` : ''}.
            </p>
          )}
          <TextField label="SP entity ID (Audience)" value={settings.spEntityId} placeholder={spFacts?.entityId ?? request?.issuer ?? ''} onChange={(v) => update({ spEntityId: v })} />
          <TextField label="ACS URL (Destination, Recipient)" value={settings.acsUrl} placeholder={acsFor(request, spFacts) ?? ''} onChange={(v) => update({ acsUrl: v })} />
        </section>
      </div>
      <RequestPanel
        incoming={source}
        facts={facts?.ok ? facts.value : null}
        factsError={facts && !facts.ok ? `${facts.error.code}: ${facts.error.message}` : null}
        message={message}
        hasSpMetadata={!!spFacts}
        pasted={pasted}
        onPaste={setPasted}
        onDismiss={() => {
          setIncoming(null);
          setPasted('');
          window.history.replaceState(null, '', '/mock-idp');
        }}
      />
      {logout && (
        <section className="panel" aria-labelledby="idp-logout-heading">
          <h2 id="idp-logout-heading">Logout</h2>
          <p>
            Answer the LogoutRequest <code>{logout.id}</code> with a LogoutResponse (Status Success{keyPair ? ', signed' : ''}) POSTed to the SP&apos;s SingleLogoutService{' '}
            <code>{spFacts?.sloUrl ?? '(none in the SP metadata)'}</code>.
          </p>
          <button type="button" onClick={() => void answerLogout()} disabled={!spFacts?.sloUrl}>
            Send LogoutResponse
          </button>
        </section>
      )}
      <section className="panel mock-idp-answer" aria-labelledby="idp-answer-heading">
        <h2 id="idp-answer-heading">Response</h2>
        <p className="small" data-answer-mode={request ? 'sp-initiated' : 'idp-initiated'}>
          {request ? (
            <>
              Answering <code>{request.id}</code> (InResponseTo) at <code>{acsUrl || '—'}</code>.
            </>
          ) : (
            <>IdP-initiated login: no request, no InResponseTo; the Response goes to {acsUrl ? <code>{acsUrl}</code> : 'the ACS URL once known'}.</>
          )}
        </p>
        <div className="mock-idp-grid">
          <div>
            <SelectField label="User" value={String(settings.userIndex)} options={settings.users.map((u, i) => ({ value: String(i), label: `${u.username} (${u.email})` }))} onChange={(v) => choose({ userIndex: Number(v) })} />
            {user && <UserEditor user={user} onChange={(u) => choose({ users: settings.users.map((x, i) => (i === settings.userIndex ? u : x)) })} />}
            <div className="panel-actions">
              <button type="button" onClick={() => choose({ users: [...settings.users, { username: 'newuser', email: 'newuser@example.com', name: 'New User', uid: crypto.randomUUID().replace(/-/g, ''), groups: [] }], userIndex: settings.users.length })}>
                Add user
              </button>
            </div>
          </div>
          <div>
            <SelectField label="Attribute preset" value={settings.preset} options={PRESETS.map((p) => ({ value: p.name, label: p.label }))} onChange={(v) => choose({ preset: v })} />
            <p className="small muted">{preset.description}</p>
            <TextField label="NameID" value={nameId} onChange={setNameId} />
            <TextField label="NameID format" value={nameIdFormat} onChange={setNameIdFormat} />
            <label>
              Attributes (Name=value, one per line)
              <textarea className="metadata-input" value={attributesText} onChange={(e) => setAttributesText(e.target.value)} spellCheck={false} aria-invalid={parsedAttributes.badLines.length > 0 || undefined} />
            </label>
            {parsedAttributes.badLines.length > 0 && <p className="problem-error small">Line {parsedAttributes.badLines.join(', ')}: expected Name=value.</p>}
          </div>
          <div>
            <SelectField label="Sign" value={settings.sign} options={SIGN_OPTIONS} onChange={(v) => update({ sign: v })} />
            <CheckField
              label="Encrypt the assertion to the SP"
              checked={settings.encrypt}
              onChange={(v) => update({ encrypt: v })}
              hint={spFacts?.encryptionCertificate ? 'RSA-OAEP to the SP metadata\'s encryption certificate' : 'needs SP metadata with an encryption certificate'}
            />
            {settings.encrypt && <SelectField label="Block cipher" value={settings.blockCipher} options={CIPHER_OPTIONS} onChange={(v) => update({ blockCipher: v })} />}
            <SelectField label="Variant" value={variant} options={[{ value: VALID_ROW, label: 'valid' }, ...VARIANTS.map((v) => ({ value: v.name, label: `${v.name} — ${v.title}` }))]} onChange={setVariant} />
            <TextField label="RelayState" value={relayState} placeholder={request?.relayState ?? ''} onChange={setRelayState} />
          </div>
        </div>
        {noKey && <p className="problem-warning">No IdP key: generate or import one above, or choose signing &quot;None&quot;.</p>}
        {error && (
          <p role="alert" className="problem-error">
            {error}
          </p>
        )}
        <div className="panel-actions">
          <button type="button" onClick={() => void onBuild()}>
            Build Response
          </button>
          <button type="button" onClick={() => void onSendDraft()} disabled={!!missing}>
            Send Response to the ACS
          </button>
        </div>
        {draft && (
          <label className="response-draft">
            Response to send ({draft.row}; edit it freely — an edit after signing breaks the signature, which is the point of some tests)
            <textarea className="metadata-input response-xml" value={draft.xml} onChange={(e) => setDraft({ ...draft, xml: e.target.value })} spellCheck={false} />
          </label>
        )}
      </section>
      <TestPackPanel
        results={results}
        onMark={mark}
        onSend={(row) => void onPackSend(row)}
        onReset={() => {
          setResults({});
          savePackResults({});
        }}
        canSend={missing ?? (noKey ? 'No IdP key: generate or import one above.' : null)}
        detectReturn={detectReturn}
        onDetectReturn={setDetectReturn}
        context={{ spEntityId: spEntityId || '(no SP)', acsUrl: acsUrl || '(no ACS)', idpEntityId: settings.entityId, generatedAt: new Date() }}
      />
      <p className="small muted">
        SSO URL <code>{ssoUrl}</code>: HTTP-Redirect requests are read from this page&apos;s address; HTTP-POST requests are captured by the service worker or, on first visit, by the server
        (<code>npm start</code>). A purely static host cannot receive a POST.
      </p>
    </div>
  );
}

function UserEditor({ user, onChange }: { user: MockUser; onChange: (u: MockUser) => void }) {
  return (
    <fieldset className="user-editor">
      <legend>User attributes</legend>
      <TextField label="Username" value={user.username} onChange={(v) => onChange({ ...user, username: v })} />
      <TextField label="E-mail" value={user.email} onChange={(v) => onChange({ ...user, email: v })} />
      <TextField label="Name" value={user.name} onChange={(v) => onChange({ ...user, name: v })} />
      <TextField label="Groups (comma separated)" value={user.groups.join(', ')} onChange={(v) => onChange({ ...user, groups: v.split(',').map((g) => g.trim()).filter(Boolean) })} />
    </fieldset>
  );
}
