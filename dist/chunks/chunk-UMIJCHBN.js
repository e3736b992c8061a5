import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  ContainerPackageError
} from "./chunk-P65RQTMN.js";

// src/exec/errors.ts
var ExecError = class extends ContainerPackageError {
  /** The program's name as given (no arguments: they may hold secrets). */
  program;
  exitCode;
  constructor(code, program, message, details = {}) {
    super(code, message, details);
    this.name = "ExecError";
    this.program = program;
    this.exitCode = details.exitCode;
  }
};

export {
  ExecError
};
