// @epigrid/pass/node: the optional Node fast path of the pass package (never imported by the browser).
export { nodeCryptoEngine } from './node-signature-engine.js';
