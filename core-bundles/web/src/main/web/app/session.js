// Signing in and out. The token from POST /auth/login is kept for the tab; GET /auth/me tells which
// permissions the user has, which decides what the pages offer (the server enforces them regardless).
import { api, sessionStore } from './api.js';

export async function signIn(username, password) {
  const answer = await api.post('/auth/login', { username, password }, { token: null });
  const session = {
    token: answer.token,
    username: answer.username,
    roles: answer.roles,
    permissions: answer.permissions,
    expiresAt: answer.expiresAt,
  };
  sessionStore.save(session);
  return session;
}

export async function signOut() {
  try {
    await api.post('/auth/logout', {});
  } catch {
    // the token is dropped here either way; the server lets it expire if it could not be told
  } finally {
    sessionStore.clear();
  }
}

export function can(session, permission) {
  return !!session && session.permissions.includes(permission);
}
