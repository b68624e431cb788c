// A Flyte agent client that nobody on the project wrote: Node's @grpc/grpc-js with @grpc/proto-loader, reading Flyte's
// official .proto files at run time (no generated code, no C# types). It drives the agent the way propeller does and
// prints ONE line of JSON (camelCase keys) describing what it saw; NodeInteropTests.cs judges it. It judges nothing
// itself, so a wrong answer shows up in the test's assertion with the value the server really sent.
//
// usage: node interop-client.js <host:port> <flyteidl protos root> <google api protos root>
// @grpc/grpc-js and @grpc/proto-loader are found through NODE_PATH (the test installs them outside the repository).
'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, flyteProtos, googleProtos] = process.argv.slice(2);
if (!address || !flyteProtos || !googleProtos) {
  console.error('usage: node interop-client.js <host:port> <flyteidl protos root> <google api protos root>');
  process.exit(2);
}

// Propeller's agent-service default is 3 s per call; the connector-service's is 10 s. The longer one keeps a slow,
// shared CI machine from failing the test while still sending a grpc-timeout the server must honour.
const callTimeoutMs = 10_000;
// The test moves the job to Done after the first GetTask is answered, so a handful of polls suffices; the bound only
// keeps a broken server from hanging the script (the test's own time limit is the backstop).
const maxPolls = 200;
const pollDelayMs = 50;

const definition = protoLoader.loadSync(['flyteidl/service/agent.proto', 'grpc/health/v1/health.proto'], {
  // Field names exactly as the .proto spells them: the point is to speak the wire contract, not a JS rendering.
  keepCase: true,
  // int64 as decimal strings: exact, and what JSON can carry.
  longs: String,
  // Enum names as the .proto spells them ("SUCCEEDED"), so the report says what the wire said.
  enums: String,
  // Unset scalars as their defaults, so a missing phase reads "UNDEFINED" instead of vanishing.
  defaults: true,
  // The name of the field set in each oneof (ExecuteTaskSyncResponse.res, Literal.value, ...).
  oneofs: true,
  // google/api/annotations.proto (imported by service/agent.proto) lives in the Google.Api.CommonProtos package;
  // health.proto sits next to this script; google/protobuf/*.proto are bundled with protobufjs.
  includeDirs: [flyteProtos, googleProtos, path.join(__dirname, 'protos')],
});
const loaded = grpc.loadPackageDefinition(definition);
const service = loaded.flyteidl.service;
const credentials = grpc.credentials.createInsecure(); // the agent speaks h2c, as propeller's insecure channel does
const metadataClient = new service.AgentMetadataService(address, credentials);
const asyncClient = new service.AsyncAgentService(address, credentials);
const syncClient = new service.SyncAgentService(address, credentials);
const healthClient = new loaded.grpc.health.v1.Health(address, credentials);

const deadline = () => ({ deadline: new Date(Date.now() + callTimeoutMs) });
const unary = (client, method, request) =>
  new Promise((resolve, reject) => client[method](request, deadline(), (error, response) => (error ? reject(error) : resolve(response))));
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const terminal = new Set(['SUCCEEDED', 'ABORTED', 'FAILED', 'RETRYABLE_FAILED']);

// Literals → the report: only the shapes these plugins answer with, scalar primitives, as {"<field set>": value}
// (for example {"integer": "42"}), so the test sees which primitive the server chose, not just its value.
const primitive = (literal) => {
  const value = literal?.scalar?.primitive;
  return value ? { [value.value]: value[value.value] } : { unexpected: literal?.value ?? null };
};
const literalMap = (map) => Object.fromEntries(Object.entries(map?.literals ?? {}).map(([name, literal]) => [name, primitive(literal)]));
const stringLiteral = (value) => ({ scalar: { primitive: { string_value: value } } });

// What propeller sends with every CreateTask / sync header: the task execution's identity (the agent derives the
// plugin's idempotency key from it) plus the pod-level metadata.
const taskExecutionMetadata = (node) => ({
  task_execution_id: {
    task_id: { resource_type: 'TASK', project: 'flytesnacks', domain: 'development', name: 'interop.task', version: 'v1' },
    node_execution_id: {
      node_id: node,
      execution_id: { project: 'flytesnacks', domain: 'development', name: 'interop-exec' },
    },
    retry_attempt: 0,
  },
  namespace: 'flytesnacks-development',
  labels: { origin: 'node-interop' },
  k8s_service_account: 'default',
});

const report = {
  versions: {
    node: process.versions.node,
    grpcJs: require('@grpc/grpc-js/package.json').version,
    protoLoader: require('@grpc/proto-loader/package.json').version,
  },
};

async function listAgents() {
  const response = await unary(metadataClient, 'ListAgents', {});
  report.listAgents = response.agents.map((agent) => ({
    name: agent.name,
    isSync: agent.is_sync,
    categories: agent.supported_task_categories.map((c) => `${c.name} v${c.version}`),
  }));
}

async function createTask() {
  const response = await unary(asyncClient, 'CreateTask', {
    inputs: { literals: { query: stringLiteral('SELECT 1') } },
    template: {
      id: { resource_type: 'TASK', project: 'flytesnacks', domain: 'development', name: 'interop.task', version: 'v1' },
      type: 'echo_job',
      task_type_version: 1,
      custom: { fields: { region: { string_value: 'eu' } } },
    },
    output_prefix: 's3://bucket/metadata/interop-exec/n0/0',
    task_execution_metadata: taskExecutionMetadata('n0'),
  });
  report.create = { resourceMeta: response.resource_meta.toString('base64'), bytes: response.resource_meta.length };
  return response.resource_meta;
}

async function pollUntilTerminal(resourceMeta) {
  const phases = [];
  let resource;
  for (let poll = 1; poll <= maxPolls; poll++) {
    ({ resource } = await unary(asyncClient, 'GetTask', {
      resource_meta: resourceMeta,
      task_category: { name: 'echo_job', version: 1 },
      output_prefix: 's3://bucket/metadata/interop-exec/n0/0',
    }));
    // Consecutive repeats collapsed: the report shows the transitions, the count shows how many polls it took.
    if (phases[phases.length - 1] !== resource.phase) phases.push(resource.phase);
    report.get = { polls: poll, phases };
    if (terminal.has(resource.phase)) break;
    await delay(pollDelayMs);
  }
  Object.assign(report.get, { state: resource.state, message: resource.message, outputs: literalMap(resource.outputs) });
}

async function deleteTask(resourceMeta) {
  await unary(asyncClient, 'DeleteTask', { resource_meta: resourceMeta, task_category: { name: 'echo_job', version: 1 } });
  report.delete = { ok: true };
}

async function getTampered(resourceMeta) {
  // One byte of the payload changed (the byte just before the 32-byte HMAC): what someone editing the CRD would do.
  const tampered = Buffer.from(resourceMeta);
  tampered[tampered.length - 33] ^= 0x01;
  try {
    await unary(asyncClient, 'GetTask', { resource_meta: tampered, task_category: { name: 'echo_job', version: 1 } });
    report.tampered = { code: 0 };
  } catch (error) {
    report.tampered = { code: error.code, status: grpc.status[error.code], details: error.details };
  }
}

async function executeTaskSync() {
  const responses = await new Promise((resolve, reject) => {
    const received = [];
    const call = syncClient.ExecuteTaskSync(deadline());
    call.on('data', (message) => received.push(message));
    call.on('error', reject);
    call.on('end', () => resolve(received));
    // Propeller's order: the header, then the inputs, then CloseSend; then it reads one message.
    call.write({
      header: {
        template: { type: 'quick_check', task_type_version: 2 },
        output_prefix: 's3://bucket/metadata/interop-exec/n1/0',
        task_execution_metadata: taskExecutionMetadata('n1'),
      },
    });
    call.write({ inputs: { literals: { name: stringLiteral('interop') } } });
    call.end();
  });
  const first = responses[0];
  report.sync = {
    responses: responses.length,
    kind: first?.res,
    phase: first?.header?.resource?.phase,
    outputs: literalMap(first?.header?.resource?.outputs),
  };
}

async function health() {
  report.health = {};
  for (const name of ['', 'flyteidl.service.AsyncAgentService']) {
    report.health[name] = (await unary(healthClient, 'Check', { service: name })).status;
  }
}

async function main() {
  let step = 'ListAgents';
  try {
    await listAgents();
    step = 'CreateTask';
    const resourceMeta = await createTask();
    step = 'GetTask';
    await pollUntilTerminal(resourceMeta);
    step = 'DeleteTask';
    await deleteTask(resourceMeta);
    step = 'GetTask (tampered)';
    await getTampered(resourceMeta);
    step = 'ExecuteTaskSync';
    await executeTaskSync();
    step = 'Health/Check';
    await health();
  } catch (error) {
    report.failed = { step, code: error.code, details: error.details, message: String(error.stack ?? error) };
    process.exitCode = 1;
  } finally {
    for (const client of [metadataClient, asyncClient, syncClient, healthClient]) client.close();
  }
  process.stdout.write(JSON.stringify(report) + '\n');
}

main();
