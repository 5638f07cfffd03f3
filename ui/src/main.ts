import '../styles.css';
import { html } from 'htm/preact';
import { render } from 'preact';
import { App } from './App';
import { completeSignIn } from './auth/signIn';

// First thing: a sign-in carried by the address (the dev link's #token=…) is taken and the
// address cleaned, before anything renders.
const signIn = await completeSignIn();
const root = document.getElementById('app')!;
root.replaceChildren();
render(html`<${App} initial=${signIn} />`, root);
