// Runs a batch of differential cases through aws-local-stepfunctions 3.0.0 in one node process and
// prints one JSON line per execution. It uses the same override hooks as the CLI's `-t State:script`
// (taskResourceLocalHandlers) and `-w State:ms` (waitTimeOverrides), but in-process, and prints JSON
// (the CLI prints JS-object notation for object outputs).
// stdin: {"cases":[{"name","definition","inputs":[...],"tasks":{"State":[step,...]}}]}
// step: {"result":X} | {"error":"Name","cause":"text"} | {"echo":true} | {"merge":{...}}
'use strict';
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve; let reject;
    const promise = new this((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
const path = require('path');
const { StateMachine } = require(require.resolve('aws-local-stepfunctions', { paths: [process.cwd()] }));

function collectStates(definition, waits, retries) {
  for (const [name, state] of Object.entries(definition.States || {})) {
    if (state.Type === 'Wait') waits[name] = 0;
    if (state.Retry) retries[name] = 0;
    for (const branch of state.Branches || []) collectStates(branch, waits, retries);
    if (state.Iterator) collectStates(state.Iterator, waits, retries);
    if (state.ItemProcessor) collectStates(state.ItemProcessor, waits, retries);
  }
}

function makeHandlers(tasks) {
  const handlers = {};
  for (const [name, steps] of Object.entries(tasks || {})) {
    let calls = 0;
    handlers[name] = async (input) => {
      const step = steps[Math.min(calls, steps.length - 1)];
      calls++;
      if ('error' in step) {
        const error = new Error(step.cause ?? '');
        error.name = step.error;
        throw error;
      }
      if (step.echo) return input;
      if (step.merge) return Object.assign({}, input, step.merge);
      return step.result;
    };
  }
  return handlers;
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const batch = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  for (const testCase of batch.cases) {
    let machine;
    try {
      machine = new StateMachine(testCase.definition, { validationOptions: { noValidate: true } });
    } catch (error) {
      for (let i = 0; i < testCase.inputs.length; i++) {
        process.stdout.write(JSON.stringify({ name: testCase.name, index: i, status: 'INVALID', error: String(error.message) }) + '\n');
      }
      continue;
    }
    const waits = {}; const retries = {};
    collectStates(testCase.definition, waits, retries);
    const started = Date.now();
    for (let i = 0; i < testCase.inputs.length; i++) {
      const execution = machine.run(testCase.inputs[i], {
        overrides: { taskResourceLocalHandlers: makeHandlers(testCase.tasks), waitTimeOverrides: waits, retryIntervalOverrides: retries },
      });
      try {
        const output = await execution.result;
        process.stdout.write(JSON.stringify({ name: testCase.name, index: i, status: 'SUCCEEDED', output: output === undefined ? null : output }) + '\n');
      } catch (thrown) {
        const error = thrown && thrown.cause ? thrown.cause : thrown;
        const timedOut = thrown && thrown.constructor && thrown.constructor.name === 'ExecutionTimeoutError';
        process.stdout.write(JSON.stringify({ name: testCase.name, index: i, status: timedOut ? 'TIMED_OUT' : 'FAILED', error: error.name, cause: error.message }) + '\n');
      }
    }
    if (process.env.DRIVER_TIMING) process.stderr.write(`${testCase.name} ${Date.now() - started}ms\n`);
  }
}

// Pending timers of the library (task timeouts) would keep node alive for a minute: exit once flushed.
main().then(() => process.stdout.write('', () => process.exit(0))).catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
