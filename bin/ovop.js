#!/usr/bin/env node
// The `ovop` command: runs the compiled CLI (built by `npm install` / `npm run build`).
import '../dist/server/main.js';
