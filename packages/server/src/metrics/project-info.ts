// kaizen_project_info{project,name} 1: the names of the project ids that label every other metric.
import { Gauge, type Registry } from 'prom-client';
import type { ApiKeyResolver } from '../http/api-key-resolver.js';
import type { LabelLimiter } from './label-limiter.js';

/**
 * Registers the info gauge and returns how to feed it: a resolver wrapped so that each project it resolves is told
 * to the gauge. Names are learnt from the API keys in use, with no store read of their own. Metrics are labelled by
 * project id (names may repeat and change); dashboards join on this gauge to show names.
 *
 * @example
 * const resolver = createProjectInfo(registry, limiter)(createApiKeyResolver({ store }));
 */
export function createProjectInfo(
  registry: Registry,
  limiter: LabelLimiter,
): (resolver: ApiKeyResolver) => ApiKeyResolver {
  const info = new Gauge({
    name: 'kaizen_project_info',
    help: 'Always 1: the name of a project id, for joining names onto the project label',
    labelNames: ['project', 'name'],
    registers: [registry],
  });
  const names = new Map<string, string>();
  return (resolver) => ({
    async resolve(key) {
      const project = await resolver.resolve(key);
      if (project !== null && names.get(project.id) !== project.name) {
        const previous = names.get(project.id);
        const id = limiter.value('project', 'project', project.id);
        if (previous !== undefined) info.remove({ project: id, name: limiter.value('project', 'name', previous) });
        names.set(project.id, project.name);
        info.set({ project: id, name: limiter.value('project', 'name', project.name) }, 1);
      }
      return project;
    },
  });
}
