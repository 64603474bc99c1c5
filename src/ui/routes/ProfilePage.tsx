// `/profiles` and `/profiles/$name`: what each diagnosis profile requires, how it is detected,
// and the source document it was taken from. The vendor documents are not served by the app, so
// each page names the document by its title and quotes the passage the requirements rest on.
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { EXOSCALE_OIDC_PROFILE } from '../../core/oidc/exoscaleProfile';
import { SOURCES } from '../../core/diagnosis/sources';
import { PROFILES, type Profile, type ProfileName } from '../../core/profiles';


/** `code spans` in the profile prose become <code>. */
function prose(text: string): ReactNode[] {
  return text.split(/`([^`]*)`/).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function ProfilesPage() {
  return (
    <div className="profiles-page">
      <h1>Diagnosis profiles</h1>
      <p>
        A profile says what a given SP/IdP pairing requires. samlscope detects it from the message (URLs and entity IDs) or you choose it on the inspect page;
        it changes the severity of some rules and the wording of every fix.
      </p>
      <ul className="profile-index">
        {PROFILES.map((p) => (
          <li key={p.name} data-profile={p.name}>
            <Link to="/profiles/$name" params={{ name: p.name }}>
              {p.title}
            </Link>{' '}
            <code>{p.name}</code>
            <div className="small muted">Detected by: {prose(p.detection)}</div>
          </li>
        ))}
      </ul>
      <h2>OpenID Connect</h2>
      <section className="profile-oidc" data-profile={EXOSCALE_OIDC_PROFILE.name} aria-labelledby="profile-oidc-title">
        <h3 id="profile-oidc-title">
          <Link to="/oidc">{EXOSCALE_OIDC_PROFILE.title}</Link> <code>{EXOSCALE_OIDC_PROFILE.name}</code>
        </h3>
        <p className="small muted">
          Exoscale's SSO is OpenID Connect, not SAML: its ID tokens, claims and CEL authorization expression are checked on the <Link to="/oidc">OIDC page</Link>, with
          the OpenID provider as {EXOSCALE_OIDC_PROFILE.roles.op} and the relying party {EXOSCALE_OIDC_PROFILE.roles.rp}.
        </p>
        <ul>
          {EXOSCALE_OIDC_PROFILE.requirements.map((r) => (
            <li key={r}>{prose(r)}</li>
          ))}
        </ul>
        <p className="small muted">
          Source: <cite>{SOURCES.exoscaleSso}</cite>
        </p>
      </section>
    </div>
  );
}

export function ProfilePage() {
  const { name } = useParams({ from: '/profiles/$name' });
  const profile = PROFILES.find((p) => p.name === name);
  if (!profile) {
    return (
      <div className="profile-page">
        <h1>No profile named “{name}”</h1>
        <p>
          The profiles are: {PROFILES.map((p, i) => (
            <span key={p.name}>
              {i > 0 ? ', ' : ''}
              <Link to="/profiles/$name" params={{ name: p.name }}>
                {p.name}
              </Link>
            </span>
          ))}
          .
        </p>
      </div>
    );
  }
  return <ProfileView profile={profile} />;
}

function ProfileView({ profile }: { profile: Profile<ProfileName> }) {
  const doc = profile.source;
  const quotes = profile.quotes ?? [];
  return (
    <div className="profile-page" data-profile={profile.name}>
      <p className="small">
        <Link to="/profiles">All profiles</Link>
      </p>
      <h1>{profile.title}</h1>
      <p>
        Profile name <code>{profile.name}</code>. Identity provider: {profile.roles.idp}; service
        provider: {profile.roles.sp}.
      </p>
      <section className="panel" aria-labelledby="req-heading">
        <h2 id="req-heading">Requirements</h2>
        <ul className="profile-requirements">
          {profile.requirements.map((r, i) => (
            <li key={i}>{prose(r)}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="detect-heading">
        <h2 id="detect-heading">How it is detected</h2>
        <p>{prose(profile.detection)}</p>
      </section>
      <section className="panel profile-source" aria-labelledby="source-heading">
        <h2 id="source-heading">Source document</h2>
        {doc ? (
          <>
            <p>
              <cite className="source-title">{doc}</cite>
              <span className="muted small"> (one of the vendor documents the project was built from; not part of this repository or app)</span>
            </p>
            {quotes.map((q, i) => (
              <blockquote key={i} className="source-quote">
                {q}
              </blockquote>
            ))}
          </>
        ) : (
          <p>
            The OASIS SAML 2.0 specifications: Assertions and Protocols (SAML core), Bindings and Profiles — the section each requirement rests on is cited
            next to it.
          </p>
        )}
      </section>
      <p>
        <Link to="/" search={{ profile: profile.name }}>
          Inspect a message with this profile
        </Link>{' '}
        · <Link to="/rules">All rules</Link>
      </p>
    </div>
  );
}
