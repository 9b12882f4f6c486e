// Reads the attributes Kaizen's own SDK sets: prompt linkage, session and user.
import type { ConventionFields } from './convention-fields.js';
import type { OtlpSpan } from './otlp-span.js';
import { firstText } from './read-attributes.js';

/**
 * `kaizen.prompt.name|version`, `kaizen.session.id`, `kaizen.user.id`. `kaizen.environment` is read with the other
 * environment keys (resolve-environment.ts) because it may sit on the resource.
 *
 * @example
 * mapKaizen(span); // { promptName: 'support-answer', promptVersion: '3', sessionId: undefined, userId: undefined }
 */
export function mapKaizen(span: OtlpSpan): ConventionFields {
  const attributes = span.attributes;
  return {
    promptName: firstText(attributes, ['kaizen.prompt.name']),
    promptVersion: firstText(attributes, ['kaizen.prompt.version']),
    sessionId: firstText(attributes, ['kaizen.session.id']),
    userId: firstText(attributes, ['kaizen.user.id']),
  };
}
