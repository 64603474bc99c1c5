// The SP private key that decrypts EncryptedAssertion (docs/decryption.md). Secret: kept in this
// hook's state only — never in the URL, share links, history or exports.
import { useCallback, useState } from 'react';

export function useDecryptionKey(onChange: () => void) {
  const [keyText, setKeyTextState] = useState('');
  const [note, setNote] = useState<string | null>(null);

  const setKeyText = useCallback(
    (text: string) => {
      onChange();
      setKeyTextState(text);
    },
    [onChange],
  );

  /** Mock SP (docs/mock-sp.md): its key, when it was generated or imported exportable, decrypts what the IdP sent it. */
  const useMockSpKey = useCallback(async () => {
    // Loaded on use: the mock SP's storage brings the mock SP core (XML signing, keys), which
    // the start page does not need until this button is pressed.
    const { loadKeyPair } = await import('../mock-sp/storage');
    const pair = await loadKeyPair();
    if (!pair) setNote('The mock SP has no key yet: generate one on the Mock SP page.');
    else if (pair.keyType !== 'RSA') setNote(`The mock SP key is ${pair.description}; decrypting needs an RSA key.`);
    else if (!pair.privateKeyPkcs8Pem) setNote('The mock SP key has no PEM copy, so it cannot decrypt. On the Mock SP page, remove it and generate or import it again with "Also keep the private key as PEM".');
    else {
      setKeyText(pair.privateKeyPkcs8Pem);
      setNote(`Using the mock SP key (${pair.description}, ${pair.subject}).`);
    }
  }, [setKeyText]);

  const forget = useCallback(() => {
    setKeyTextState('');
    setNote(null);
  }, []);

  return { keyText, setKeyText, note, useMockSpKey, forget };
}
