// The kiosk window's entry (kiosk.html, `huiban --mode kiosk`): a self-service machine in a hall.
import { mount } from 'svelte';
import KioskApp from './KioskApp.svelte';
import { lockDown } from './lib/kioskLockdown';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('kiosk.html has no #app element');

lockDown(window);

export default mount(KioskApp, { target });
