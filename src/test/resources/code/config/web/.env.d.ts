// not a dotenv file: a TypeScript declaration that names an env var
declare const OPENAI_API_KEY: string;
