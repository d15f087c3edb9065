import { fileURLToPath } from "node:url";
import path from "node:path";

export const webResourcesRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = path.resolve(webResourcesRoot, "..");
export const messagesJson = path.join(repoRoot, "Plugins", "Messages", "policy-messages.json");
export const generatedFolder = path.join(webResourcesRoot, "src", "generated");
export const distFolder = path.join(webResourcesRoot, "dist");
export const solutionSrc = path.join(repoRoot, "Solution", "src");
export const publishFolder = path.join(solutionSrc, "WebResources");
