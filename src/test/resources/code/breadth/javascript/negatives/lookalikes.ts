// local modules and other packages with SDK-like names
import { fal } from "./fal";
import { createDeepgram } from "../lib/deepgram";
import { Index } from "@upstash/redis";
import LumaAI from "lumaai-mock";
import { Turbopuffer } from "turbopuffer-fake";

const a = fal.image("x");
const b = createDeepgram({});
const c = new Index({ url: "" });
const d = new LumaAI();
const e = new Turbopuffer();
const notAKey = process.env.DEEPGRAM_API_KEY_FILE;
export { a, b, c, d, e, notAKey };
