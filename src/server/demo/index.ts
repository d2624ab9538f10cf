// What the command line and `serve` use from the demo: loading the scenario, and its password.
export { databaseHoldsDemo, demoAccounts, seedDemo, type SeedResult } from './seed-demo.js';
export { DEMO_PASSWORD } from './demo-organisation.js';
