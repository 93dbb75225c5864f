import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { onUnauthorized, sessionStore } from './api.js';
import { signOut } from './session.js';
import { navigate, useRoute } from './router.js';
import { useServerStatus } from './status.js';
import { Login } from './login.js';
import { Shell, homeRoute } from './shell.js';
import '../styles/app.css';

// The back office pulls in the chart library; the register loads without it.
const views = {
  register: () => import('../register/register.js').then((m) => m.Register),
  office: () => import('../office/office.js').then((m) => m.Office),
};

function Lazy({ load, ...props }) {
  const [View, setView] = useState(null);
  const [failed, setFailed] = useState(null);
  useEffect(() => {
    let current = true;
    load().then((view) => current && setView(() => view), (e) => current && setFailed(e));
    return () => {
      current = false;
    };
  }, [load]);
  if (failed) return html`<p class="notice error" role="alert">This page could not be loaded: ${failed.message}. Reload to try again.</p>`;
  return View ? html`<${View} ...${props} />` : html`<p class="loading">Loading…</p>`;
}

function App() {
  const [session, setSession] = useState(sessionStore.load());
  const route = useRoute();
  const status = useServerStatus();

  useEffect(() => {
    onUnauthorized(() => {
      sessionStore.clear();
      setSession(null);
    });
  }, []);

  if (!session) {
    return html`<${Login} status=${status} onSignedIn=${(s) => {
      setSession(s);
      if (route === '/' || !route) navigate(homeRoute(s));
    }} />`;
  }
  const out = async () => {
    await signOut();
    setSession(null);
    navigate('/');
  };
  let view;
  if (route.startsWith('/register')) {
    view = html`<${Lazy} load=${views.register} session=${session} status=${status} route=${route} />`;
  } else if (route.startsWith('/office')) {
    view = html`<${Lazy} load=${views.office} session=${session} status=${status} route=${route} />`;
  } else {
    navigate(homeRoute(session));
    view = null;
  }
  return html`<${Shell} session=${session} status=${status} route=${route} onSignOut=${out}>${view}</${Shell}>`;
}

const root = document.getElementById('app');
root.textContent = ''; // Preact 11 leaves what it finds in the container (the boot message) in place
render(html`<${App} />`, root);
