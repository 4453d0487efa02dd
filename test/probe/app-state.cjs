'use strict';
// Preloaded (node --require) into a `restlint probe --app` run by a test: when the process
// exits, it writes what the app module exposes as `state()` (what it was sent, what it holds
// now) to a file, so that a test can check an in-process app as it checks a server it started.
// RESTLINT_TEST_APP_STATE is JSON: { "app": <the module's path>, "file": <where to write> }.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const { app, file } = JSON.parse(process.env.RESTLINT_TEST_APP_STATE ?? '{}');
  if (!app || !file) return;
  const loaded = require.cache[require.resolve(app)];
  writeFileSync(file, JSON.stringify(loaded && typeof loaded.exports.state === 'function' ? loaded.exports.state() : null));
});
