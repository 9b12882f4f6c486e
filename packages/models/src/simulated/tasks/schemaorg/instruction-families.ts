// The families of phrasings through which a prompt controls the schemaorg simulator, one per instruction.
import { type InstructionFamily, phrase } from '../../instructions/detect-instruction.js';

const PROSE_NOUN = `(?:prose|explanations?|explanatory text|commentary|preamble|introduction|markdown|code ?(?:fences?|blocks?)|fences|backticks|chatter|narration)`;

/** Answer with the JSON alone: no prose, no markdown fences. */
export const JSON_ONLY: InstructionFamily = {
  affirm: [
    phrase(
      String.raw`\b(?:only|just|solely|exclusively|purely|nothing but|nothing other than|nothing except)(?:\s+(?:return|output|respond|reply|answer|give|print|emit|send|with|the|a|an|one|single|final|valid|raw|plain|pure|minified|resulting|schema\.org))*\s+json`,
    ),
    phrase(
      String.raw`\bjson(?:-ld)?(?:\s+(?:object|document|code|markup|block|output|text|itself))?\s*(?:only|alone|and nothing else|and nothing more|with nothing else|exclusively)\b`,
    ),
    phrase(String.raw`\b(?:raw|pure|bare|naked|unwrapped|unformatted)\s+json`),
    phrase(
      String.raw`\bno\s+(?:additional |extra |other |surrounding |explanatory |further )?(?:${PROSE_NOUN}|text|words)\b`,
    ),
    phrase(
      String.raw`\bwithout\s+(?:any\s+)?(?:additional |extra |other |surrounding |explanatory |further )?(?:${PROSE_NOUN}|text|formatting|wrapping)\b`,
    ),
    phrase(String.raw`\b(?:omit|skip|leave out|drop|remove|strip)\b~\b${PROSE_NOUN}\b`),
    phrase(String.raw`\bjson\.parse\b|\b(?:directly|machine)[- ]?(?:parseable|parsable|readable)\b`),
    phrase(
      String.raw`\bparsed?\b~\b(?:directly|as is|as-is|verbatim|by (?:a|our|the) (?:program|script|parser|machine))\b`,
    ),
  ],
  contrary: [
    phrase(String.raw`\b(?:explain|justify|walk (?:me )?through|comment on|annotate|elaborate on|describe your)\b`),
    phrase(String.raw`\b(?:add|include|give|write|provide|use|with|prepend|append)\b~\b${PROSE_NOUN}\b`),
    phrase(
      String.raw`\b(?:wrap|put|enclose|format|place|surround)\b~(?:\b(?:markdown|code ?(?:fences?|blocks?)|fences|backticks)\b|\`\`\`)`,
    ),
    phrase(String.raw`^(?:any |all |the )?${PROSE_NOUN}\b`),
  ],
};

const TYPE_WORD = `(?:sub)?(?:type|@type|class)`;

/** Use the most specific schema.org type rather than a generic one. */
export const SPECIFIC_TYPE: InstructionFamily = {
  affirm: [
    phrase(
      String.raw`\b(?:most|very|more|maximally)\s+(?:specific|precise|granular|narrow|detailed|exact|fitting|appropriate|accurate)\b~\b${TYPE_WORD}`,
    ),
    phrase(
      String.raw`\b${TYPE_WORD}\b~\b(?:as (?:specific|precise|narrow|granular|exact) as (?:possible|you can)|most specific|most precise)\b`,
    ),
    phrase(
      String.raw`\b(?:specific|precise|exact|concrete|narrow|deepest|narrowest|finest|best[- ]matching|best[- ]fitting|right|correct)\s+(?:schema\.org\s+)?${TYPE_WORD}`,
    ),
    phrase(String.raw`\bsub-?types?\b`),
  ],
  contrary: [
    phrase(
      String.raw`\b(?:generic|general|broad|vague|top-level|catch-all|parent|umbrella|basic)\s+(?:schema\.org\s+)?(?:types?|@types?|class(?:es)?)\b`,
    ),
    phrase(String.raw`\b(?:use|with|as|set|choose|pick|default to)\b~\b(?:Thing|WebPage|CreativeWork)\b`),
  ],
};

/** Include `"@context": "https://schema.org"`. The bare noun comes last so "no @context" reads as a refusal. */
export const INCLUDE_CONTEXT: InstructionFamily = {
  affirm: [
    phrase(
      String.raw`\b(?:include|add|set|put|emit|output|start with|begin with|use|specify|declare|keep|provide|with|remember to)\b~@context\b`,
    ),
    phrase(String.raw`@context\s*(?:is|are|must be|should be)?\s*(?:required|mandatory|needed|expected|essential)\b`),
    phrase(String.raw`"@context"\s*:`),
    phrase(
      String.raw`\b(?:a|the)\s+(?:https?://)?schema\.org\s+@?context\b|\bcontext\s+(?:of|to|set to|=)\s*"?(?:https?://)?schema\.org`,
    ),
    phrase(String.raw`\bjson-?ld\s+@?context\b`),
    phrase(String.raw`@context\b`),
  ],
};

/** Use only what the page states: no invented phone numbers, ratings or other facts. */
export const GROUNDED_ONLY: InstructionFamily = {
  affirm: [
    phrase(
      String.raw`\b(?:only|solely|strictly|exclusively|just)\b~\b(?:information|facts?|data|content|values?|what|details|text|things)\b~\b(?:page|html|document|source|input|visible|stated|states|present|provided|given|shown|appears?|written|there)\b`,
    ),
    phrase(
      String.raw`\b(?:stick|stay|keep|limit yourself|restrict yourself|adhere)\b~\b(?:to|within)\b~\b(?:page|html|document|source|visible|stated|facts)\b`,
    ),
    phrase(String.raw`\b(?:grounded|faithful(?:ly)?|verbatim|exactly as (?:shown|written|stated))\b`),
    phrase(
      String.raw`\bif\b~\b(?:missing|absent|unknown|unavailable|not (?:on|in|present|visible|stated|shown|found|given|available|there))\b`,
    ),
    phrase(
      String.raw`\b(?:omit|leave out|skip|drop)\b~\b(?:missing|absent|unknown|unavailable|not (?:present|visible|stated|shown|found|given|available|on the page))\b`,
    ),
    phrase(
      String.raw`\b(?:no|zero)\s+(?:hallucinations?|invented|made[- ]up|fabricated|guessed|fake|speculative|imagined)\b`,
    ),
  ],
  contrary: [
    phrase(
      String.raw`\b(?:invent\w*|make up|making up|made[- ]up|fabricat\w*|hallucinat\w*|guess\w*|speculat\w*|extrapolat\w*|plausible|imagine|fake|embellish\w*)\b`,
    ),
    phrase(String.raw`\bmake\b~\bup\b`),
  ],
};

/** Fill every property the page supports, rather than a minimal name and description. */
export const COMPLETE_PROPERTIES: InstructionFamily = {
  affirm: [
    phrase(
      String.raw`\b(?:all|every|each|as many)\b~\b(?:propert(?:y|ies)|fields?|attributes?|details?|facts?|information|values?)\b`,
    ),
    phrase(
      String.raw`\bas (?:complete|rich|detailed|thorough|exhaustive|comprehensive|full) as (?:possible|you can)\b`,
    ),
    phrase(String.raw`\bbe (?:thorough|comprehensive|exhaustive|complete|detailed)\b`),
    phrase(
      String.raw`\b(?:comprehensive|exhaustive|complete|rich|full|detailed|thorough)\s+(?:json-?ld|markup|structured data|set of (?:properties|fields)|extraction|annotation)\b`,
    ),
  ],
  contrary: [
    phrase(String.raw`\b(?:minimal|bare[- ]minimum|only the name|just the name|few properties|a few fields)\b`),
  ],
};
