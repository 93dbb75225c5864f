import { useState } from 'preact/hooks';
import { html } from './html.js';
import { signIn } from './session.js';

export function Login({ onSignedIn, status }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(username.trim(), password));
    } catch (e) {
      setError(e.message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return html`
    <main class="login">
      <form class="card login-card" onSubmit=${submit} aria-labelledby="login-title">
        <h1 id="login-title">Omnitill</h1>
        <p class="muted">Sign in to the register or the back office.</p>
        <label>User name
          <input id="login-username" name="username" autocomplete="username" autofocus required
            value=${username} onInput=${(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label>Password
          <input id="login-password" name="password" type="password" autocomplete="current-password" required
            value=${password} onInput=${(e) => setPassword(e.currentTarget.value)} />
        </label>
        ${error && html`<p class="notice error" role="alert" id="login-error">${error}</p>`}
        ${!status.online && html`<p class="notice warning" role="status">The server is not answering.</p>`}
        <button class="primary big" type="submit" id="login-submit" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>`;
}
