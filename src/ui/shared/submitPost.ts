// HTTP-POST binding from the page (SAML bindings §3.5): a hidden form built with DOM APIs and
// submitted — the app's CSP forbids the inline script of an auto-submitting page, and a
// cross-origin form POST needs no CORS. `newTab` keeps the page (the mock IdP's test pack
// checklist, the mock SP's request) open while the other side answers in another tab.
export function submitPost(action: string, fields: Record<string, string | null | undefined>, newTab: boolean): void {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = action;
  form.enctype = 'application/x-www-form-urlencoded';
  if (newTab) {
    form.target = '_blank';
    form.rel = 'noopener';
  }
  form.hidden = true;
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
  form.remove();
}
