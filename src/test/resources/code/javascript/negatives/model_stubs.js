// Test doubles named like the hosted SDKs; they come from the project's own modules.
const { Together } = require("./stubs/together");
const ModelClient = require("./stubs/inference");

const together = new Together();
const inference = ModelClient("http://localhost:9999");
module.exports = { together, inference };
