#!/usr/bin/env node
/** Stand-alone entry for the batch command (`node dist/batch/main.js <folder> --out DIR`), until cli.ts routes `batch` here. */
import { batchCommand } from './batchCommand.js';

batchCommand(process.argv.slice(2)).then(code => { process.exitCode = code; }, err => { console.error(err); process.exitCode = 1; });
