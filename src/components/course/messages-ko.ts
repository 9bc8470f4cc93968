/**
 * The Korean catalogue: one entry per message namespace, gathered from one
 * part per group of pages (messages-ko/*.ts). Each entry is typed against the
 * English `messages` its code exports, so a missing or a stray key is a type
 * error; the English types come in as types only, so importing this module
 * loads no widget code. Importing it registers the catalogue: Korean pages and
 * the /ko/embed modules import it before they create any widget.
 */
import {koActivations} from "./messages-ko/activations.js";
import {koDescent} from "./messages-ko/descent.js";
import {koInstructors} from "./messages-ko/instructors.js";
import {koKernel} from "./messages-ko/kernel.js";
import {koMnist} from "./messages-ko/mnist.js";
import {koPerceptron} from "./messages-ko/perceptron.js";
import {koPlayground} from "./messages-ko/playground.js";
import {registerMessages, type Messages} from "./strings.js";

/** Korean text for every key of one namespace's English messages, and no other key. */
export type Catalogue<M extends Messages> = {readonly [K in keyof M]: string};

export const koMessages = {...koKernel, ...koPerceptron, ...koDescent, ...koActivations, ...koPlayground, ...koMnist, ...koInstructors};

for (const [namespace, messages] of Object.entries(koMessages)) registerMessages("ko", namespace, messages as Messages);
