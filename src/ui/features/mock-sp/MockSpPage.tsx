// The mock SP (route /mock-sp, CONTRACT §4; issue 5): build, sign and send an AuthnRequest or
// LogoutRequest to an IdP, and let the answer come back to samlscope's /acs, where the inspect
// page correlates and inspects it (src/ui/components/MockSpCapturePanel.tsx). Thin over
// src/core/mocksp (docs/mock-sp.md).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  buildAuthnRequest,
  buildLogoutRequest,
  checkBindingBeforeSend,
  curlCommand,
  defaultSettings,
  idpEndpointsFromMetadata,
  parseAuthnRequestFields,
  pickEndpoint,
  prepareSend,
  recordSentRequest,
  sendRefusal,
  validateSettings,
  type BindingWarning,
  type BuiltMessage,
  type MockSpSettings,
  type PreparedSend,
  type SpKeyPair,
} from '../../../core/mocksp';
import { CodeEditor } from '../../shared/CodeEditor';
import { Problems, TextField } from './MockSpFields';
import { MockSpExports } from './MockSpExports';
import { MockSpIdpPanel } from './MockSpIdpPanel';
import './mock-sp.css';
import { MockSpKeyPanel } from './MockSpKeyPanel';
import { submitPost } from '../../shared/submitPost';
import { MockSpSentView } from './MockSpSentView';
import { MockSpSettingsForm } from './MockSpSettingsForm';
import { clearSentEntries, loadSentEntries, saveSentEntry } from './capture';
import { clearSavedSettings, loadKeyPair, loadSavedSettings, removeKeyPair, saveSettings, storeKeyPair } from './storage';

interface Draft {
  built: BuiltMessage;
  xml: string;
  /** Edited by hand: settings changes no longer overwrite it. */
  edited: boolean;
}

interface LastSent {
  sent: PreparedSend;
  curl: string;
  kind: 'AuthnRequest' | 'LogoutRequest';
}

function freshDraft(settings: MockSpSettings): Draft {
  const built = buildAuthnRequest(settings);
  return { built, xml: built.xml, edited: false };
}

export function MockSpPage() {
  const origin = window.location.origin;
  const saved = useMemo(() => loadSavedSettings(origin), [origin]);
  const [settings, setSettings] = useState<MockSpSettings>(() => saved?.settings ?? defaultSettings(origin));
  const [metadata, setMetadata] = useState(saved?.idpMetadata ?? '');
  const [status, setStatus] = useState('');
  const [keyPair, setKeyPairState] = useState<SpKeyPair | null>(null);
  const [draft, setDraft] = useState<Draft>(() => freshDraft(settings));
  const [lastSent, setLastSent] = useState<LastSent | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sentCount, setSentCount] = useState(() => loadSentEntries().length);
  const [logoutNameId, setLogoutNameId] = useState('');
  const [logoutSessionIndex, setLogoutSessionIndex] = useState('');

  useEffect(() => {
    let live = true;
    void loadKeyPair().then((k) => {
      if (live && k) setKeyPairState(k);
    });
    return () => {
      live = false;
    };
  }, []);

  const setKeyPair = useCallback((k: SpKeyPair | null) => {
    setKeyPairState(k);
    void (k ? storeKeyPair(k) : removeKeyPair());
  }, []);

  const update = useCallback((patch: Partial<MockSpSettings>) => setSettings((s) => ({ ...s, ...patch })), []);

  // The request follows the settings until it is edited by hand.
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    setDraft((d) => (d.edited ? d : freshDraft(settings)));
  }, [settings]);

  // ---- IdP metadata ----
  const parsed = useMemo(() => (metadata.trim() ? idpEndpointsFromMetadata(metadata) : null), [metadata]);
  const idps = parsed?.ok ? parsed.value : [];
  const idp = idps.find((i) => i.entityId === settings.idpEntityId) ?? idps[0] ?? null;

  const onMetadataChange = (xml: string) => {
    setMetadata(xml);
    const r = xml.trim() ? idpEndpointsFromMetadata(xml) : null;
    if (!r?.ok) return;
    const i = r.value[0]!;
    const sso = pickEndpoint(i.singleSignOnServices, settings.idpBinding);
    const slo = pickEndpoint(i.singleLogoutServices, settings.sloBinding);
    update({
      idpEntityId: i.entityId,
      ...(sso ? { destination: sso.url, idpBinding: sso.binding } : {}),
      ...(slo ? { sloUrl: slo.url, sloBinding: slo.binding } : {}),
    });
  };

  const problems = useMemo(() => validateSettings(settings, origin), [settings, origin]);
  // A hand edit that no longer parses is still sent if the tester insists (testing the IdP's
  // error handling), but flagged: its ID cannot be read, so the answer will not correlate.
  const editProblem = useMemo(() => {
    if (!draft.edited) return null;
    const r = parseAuthnRequestFields(draft.xml);
    return r.ok ? null : r.error;
  }, [draft]);
  const blocking = problems.filter((p) => p.severity === 'error');
  const warnings = useMemo(() => (settings.destination ? checkBindingBeforeSend(settings.destination, settings.idpBinding, idp, 'sso') : []), [settings.destination, settings.idpBinding, idp]);
  const sloWarnings = useMemo(() => (settings.sloUrl ? checkBindingBeforeSend(settings.sloUrl, settings.sloBinding, idp, 'slo') : []), [settings.sloUrl, settings.sloBinding, idp]);
  // The IdP is known not to take these (metadata or authentik's endpoint table): Send refuses.
  const refusal = sendRefusal(warnings);
  const sloRefusal = sendRefusal(sloWarnings);

  // ---- send ----
  const dispatch = (built: BuiltMessage, sent: PreparedSend, kind: LastSent['kind']) => {
    const record = recordSentRequest(built, sent, settings);
    // The answer arrives in another tab (the one the IdP navigates): localStorage, not sessionStorage.
    saveSentEntry({ record, settings, idpMetadata: metadata.trim() || null });
    setSentCount(loadSentEntries().length);
    setLastSent({ sent, curl: curlCommand(sent), kind });
    if (sent.binding === 'HTTP-Redirect') window.open(sent.url, '_blank', 'noopener');
    else submitPost(sent.action, sent.fields, true);
    setStatus(`${kind} ${record.id} sent by ${sent.binding} in a new tab; the IdP's answer opens the inspect view there.`);
  };

  const sendAuthnRequest = async () => {
    setSendError(null);
    setSending(true);
    try {
      // Unedited: rebuild now, so the ID is new and IssueInstant is the time of sending.
      const d = draft.edited ? draft : freshDraft(settings);
      if (!draft.edited) setDraft(d);
      const r = await prepareSend(d.xml, settings, settings.sign ? keyPair : null);
      if (!r.ok) {
        setSendError(`${r.error.code}: ${r.error.message}`);
        return;
      }
      dispatch(d.built, r.value, 'AuthnRequest');
    } finally {
      setSending(false);
    }
  };

  const sendLogoutRequest = async () => {
    setSendError(null);
    if (!logoutNameId.trim()) {
      setSendError('A LogoutRequest needs the NameID of the session to end (SAML core §3.7.1).');
      return;
    }
    const built = buildLogoutRequest(settings, {
      nameId: { value: logoutNameId.trim(), format: settings.nameIdPolicyFormat },
      sessionIndexes: logoutSessionIndex.trim() ? [logoutSessionIndex.trim()] : [],
    });
    const r = await prepareSend(built.xml, settings, settings.sign ? keyPair : null);
    if (!r.ok) {
      setSendError(`${r.error.code}: ${r.error.message}`);
      return;
    }
    dispatch(built, r.value, 'LogoutRequest');
  };

  return (
    <div className="mock-sp">
      <section className="panel mock-sp-head">
        <div className="panel-head">
          <h1>Mock SP</h1>
          <div className="panel-actions">
            <button
              type="button"
              onClick={() => setStatus(saveSettings({ settings, idpMetadata: metadata }) ? 'Settings and IdP metadata saved in this browser (localStorage).' : 'Could not save: storage is disabled.')}
            >
              Save settings
            </button>
            <button
              type="button"
              onClick={() => {
                clearSavedSettings();
                const d = defaultSettings(origin);
                setSettings(d);
                setMetadata('');
                setDraft(freshDraft(d));
                setStatus('Saved settings cleared; the form is back to the defaults.');
              }}
            >
              Clear saved settings
            </button>
          </div>
        </div>
        <p className="hint small">
          Pretend to be a service provider: build an AuthnRequest, send it to your IdP, and the IdP’s answer comes back to samlscope’s own{' '}
          <code>{settings.acsUrl}</code> and opens in the inspect view, checked against these settings and the IdP metadata. Nothing is stored unless you press
          Save; the signing key stays in this browser.
        </p>
        <p className="status small" role="status" aria-live="polite">
          {status}
        </p>
      </section>

      <div className="mock-sp-layout">
        <div className="mock-sp-settings-column">
          <MockSpIdpPanel
            settings={settings}
            onChange={update}
            metadata={metadata}
            onMetadataChange={onMetadataChange}
            idps={idps}
            idp={idp}
            metadataError={parsed && !parsed.ok ? parsed.error : null}
            problems={problems}
            warnings={warnings}
            sloWarnings={sloWarnings}
          />
          <MockSpSettingsForm settings={settings} onChange={update} problems={problems} />
          <MockSpKeyPanel keyPair={keyPair} onKeyPair={setKeyPair} settings={settings} onChange={update} />
        </div>

        <div className="mock-sp-work-column">
          <section className="panel mock-sp-request" aria-labelledby="request-heading">
            <div className="panel-head">
              <h2 id="request-heading">AuthnRequest</h2>
              <div className="panel-actions">
                {draft.edited && <span className="pill" data-edited="true">edited by hand</span>}
                <button type="button" onClick={() => setDraft(freshDraft(settings))}>
                  Regenerate from settings
                </button>
              </div>
            </div>
            <p className="hint small">
              Edit freely: the XML is sent as shown, re-encoded and (when signing) re-signed. {draft.edited ? 'Settings changes no longer apply to it until you regenerate.' : ''}
            </p>
            <CodeEditor
              ariaLabel="AuthnRequest XML"
              language="xml"
              value={draft.xml}
              onChange={(v) => setDraft((d) => ({ ...d, xml: v, edited: v !== d.built.xml }))}
              className="request-editor"
            />
            {editProblem && (
              <p className="input-error small" role="alert" data-edit-problem={editProblem.code}>
                The edited XML does not parse as an AuthnRequest ({editProblem.code}: {editProblem.message}). It can still be sent, but the answer cannot be
                correlated with it.
              </p>
            )}
            <Problems problems={problems.filter((p) => p.field !== 'destination' || p.severity === 'error')} />
            {refusal && <SendRefusal refusal={refusal} kind="AuthnRequest" settings={settings} onChange={update} />}
            <div className="panel-actions send-actions">
              <button type="button" className="primary" onClick={() => void sendAuthnRequest()} disabled={sending || blocking.length > 0 || refusal !== null}>
                Send AuthnRequest ({settings.idpBinding}
                {settings.sign ? ', signed' : ''})
              </button>
              <span className="small muted">
                {sentCount} request{sentCount === 1 ? '' : 's'} remembered for correlating answers{' '}
                <button
                  type="button"
                  onClick={() => {
                    clearSentEntries();
                    setSentCount(0);
                  }}
                  disabled={sentCount === 0}
                >
                  Forget sent requests
                </button>
              </span>
            </div>
            {sendError && (
              <p className="input-error" role="alert" data-send-error>
                {sendError}
              </p>
            )}
          </section>

          {lastSent && <MockSpSentView sent={lastSent.sent} curl={lastSent.curl} kind={lastSent.kind} />}

          <section className="panel mock-sp-logout" aria-labelledby="logout-heading">
            <h2 id="logout-heading">SP-initiated logout</h2>
            <div className="options-grid">
              <TextField label="NameID to log out" value={logoutNameId} onChange={setLogoutNameId} hint="As the IdP sent it in the assertion." />
              <TextField label="SessionIndex" value={logoutSessionIndex} onChange={setLogoutSessionIndex} />
            </div>
            {sloRefusal && <SendRefusal refusal={sloRefusal} kind="LogoutRequest" settings={settings} onChange={update} />}
            <button type="button" onClick={() => void sendLogoutRequest()} disabled={!settings.sloUrl || sloRefusal !== null}>
              Send LogoutRequest ({settings.sloBinding})
            </button>
            {!settings.sloUrl && <span className="small muted"> Set the IdP SLO URL first.</span>}
          </section>

          <MockSpExports settings={settings} keyPair={keyPair} />
        </div>
      </div>
    </div>
  );
}

/**
 * Why Send is refused (sendRefusal), beside the button, with the way out the check knows: the
 * URL that takes this binding, or the binding this URL takes.
 */
function SendRefusal({ refusal, kind, settings, onChange }: { refusal: BindingWarning; kind: 'AuthnRequest' | 'LogoutRequest'; settings: MockSpSettings; onChange: (patch: Partial<MockSpSettings>) => void }) {
  const sso = kind === 'AuthnRequest';
  const binding = sso ? settings.idpBinding : settings.sloBinding;
  return (
    <div className="send-refusal" role="alert" data-send-refused={refusal.code}>
      <p>
        <strong>Not sent: {refusal.title}.</strong> {refusal.message}
      </p>
      <div className="panel-actions">
        {refusal.suggestedUrl && (
          <button type="button" onClick={() => onChange(sso ? { destination: refusal.suggestedUrl } : { sloUrl: refusal.suggestedUrl })}>
            Send to {refusal.suggestedUrl}
          </button>
        )}
        {refusal.suggestedBinding && refusal.suggestedBinding !== binding && (
          <button type="button" onClick={() => onChange(sso ? { idpBinding: refusal.suggestedBinding } : { sloBinding: refusal.suggestedBinding })}>
            Send with {refusal.suggestedBinding} instead
          </button>
        )}
      </div>
    </div>
  );
}
