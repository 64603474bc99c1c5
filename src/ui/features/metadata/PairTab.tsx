import { useState } from 'react';
import { RunErrorNotice, RunProgress } from '../../shared/RunProgress';
import { shortBinding } from '../../../core/mdtools/namespaces';
import { MdFindingList } from './MdFindingList';
import { MetadataInput, type MetadataSource } from './MetadataInput';
import { useMetadataTask } from './useMetadataTask';

export function PairTab({ at }: { at: () => Date }) {
  const [idp, setIdp] = useState<MetadataSource>({ text: '', name: 'pasted' });
  const [sp, setSp] = useState<MetadataSource>({ text: '', name: 'pasted' });
  const task = useMetadataTask('metadata-pair');
  const r = task.result;
  const errors = r ? r.findings.filter((f) => f.severity === 'error').length : 0;
  return (
    <>
      <section className="panel">
        <div className="md-two">
          <MetadataInput label="IdP metadata" value={idp} onChange={setIdp} hint="authentik: the provider's metadata download" />
          <MetadataInput label="SP metadata" value={sp} onChange={setSp} hint="Scaleway: the SP metadata of the SSO settings" />
        </div>
        <div className="md-actions">
          <button type="button" className="button" disabled={!idp.text.trim() || !sp.text.trim() || task.pending} onClick={() => task.start({ idpText: idp.text, spText: sp.text, at: at() })}>
            Check the pair
          </button>
        </div>
        <RunProgress activity={task} what="Pairing" />
        <RunErrorNotice error={task.error} />
      </section>
      {r && (
        <section className="panel" data-md-result="pair" aria-labelledby="md-pair-heading">
          {r.errors.map((e, i) => (
            <p key={i} className="input-error" role="alert">
              {e.side === 'idp' ? 'IdP' : 'SP'} metadata: <code className="finding-code">{e.code}</code> {e.message}
            </p>
          ))}
          {r.errors.length === 0 && (
            <>
              <h2 id="md-pair-heading" data-md-pair-verdict={errors ? 'broken' : 'ok'}>
                {errors ? `${errors} problem${errors === 1 ? '' : 's'} stop the login` : 'Nothing in the metadata stops the login'}
              </h2>
              <dl className="fields">
                <div className="field"><dt>IdP</dt><dd>{r.idp.entityID}</dd></div>
                <div className="field"><dt>SP</dt><dd>{r.sp.entityID}</dd></div>
                <div className="field"><dt>Request bindings (IdP SSO)</dt><dd>{r.common.requestBindings.map(shortBinding).join(', ') || 'none'}</dd></div>
                <div className="field"><dt>Response bindings (SP ACS)</dt><dd>{r.common.responseBindings.map(shortBinding).join(', ') || 'none'}</dd></div>
                <div className="field"><dt>NameID formats in common</dt><dd>{r.common.nameIdFormats.join(', ') || 'none listed by both'}</dd></div>
              </dl>
              <MdFindingList findings={r.findings} empty="No findings." />
            </>
          )}
        </section>
      )}
    </>
  );
}
