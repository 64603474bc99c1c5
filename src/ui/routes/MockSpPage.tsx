// Route skeleton only (CONTRACT §4: the mock SP lives at /mock-sp); another issue fills it.
export function MockSpPage() {
  return (
    <section className="panel mock-sp">
      <h1>Mock SP</h1>
      <p>
        A mock service provider that starts logins against your IdP and shows what comes back is in progress. Until it
        lands, paste captured messages on the <a href="/">inspect page</a>.
      </p>
    </section>
  );
}
