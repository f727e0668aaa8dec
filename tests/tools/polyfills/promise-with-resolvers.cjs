// aws-local-stepfunctions 3.0.0 declares Node >= 22 because it calls Promise.withResolvers (added in
// Node 22). Node 20 runs it unchanged once that single function exists; load with `node --require`.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
