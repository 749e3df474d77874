// Declaration files hold no code: never scanned.
import OpenAI from "openai";
declare const client: OpenAI;
export default client;
