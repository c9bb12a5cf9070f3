// The staff window's entry (staff.html, `huiban --mode staff`): a clerk at a service centre.
import { mount } from 'svelte';
import StaffApp from './StaffApp.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('staff.html has no #app element');

export default mount(StaffApp, { target });
