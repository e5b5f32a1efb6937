/**
 * Renderer start-up: take browser mode's token, load the learner's settings (language, theme),
 * then mount the app. Monaco is not imported here: it loads lazily on the lesson page.
 */
import { mount } from 'svelte';
import App from './App.svelte';
import { captureSessionToken } from './lib/session-token.ts';
import { settings } from './state/settings.svelte.ts';
import './styles/theme.css';
import './styles/base.css';
import './styles/prose.css';

captureSessionToken();
// Paint in the system theme while the saved setting loads, so a dark desktop never flashes white.
document.documentElement.dataset.theme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
await settings.load();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });
