#!/usr/bin/env node
// Entry point for `npx voxpop` / an installed bin: runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/bin/voxpop.ts');
