#!/usr/bin/env node
// Entry point of the `epigrid` command: EpiGrid runs from its TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
