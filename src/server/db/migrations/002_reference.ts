import { defaultMatrix, grades } from '../../../contracts/criticality';
import type { AnyDb } from './types';

const l = (pt: string, en: string, es: string) => JSON.stringify({ 'pt-BR': pt, en, es });

/** The guide's categories, with its explanation of each as help. */
const categories = [
  {
    key: 'service',
    names: l('Atendimento/Dúvida/Análise', 'Service/Question/Analysis', 'Atención/Duda/Análisis'),
    help: l(
      'No caso de dúvidas e solicitação de análise da ocorrência por um de nossos Analistas.',
      'For questions and requests for one of our Agents to analyse the occurrence.',
      'En caso de dudas y solicitud de análisis de la ocurrencia por uno de nuestros Analistas.',
    ),
    cap: null,
    consulting: false,
  },
  {
    key: 'nonconformity',
    names: l('Não-conformidade', 'Non-conformity', 'No conformidad'),
    help: l(
      'No caso da ocorrência ser um BUG do Sistema que necessite de manutenção no produto.',
      'When the occurrence is a system BUG that needs maintenance in the product.',
      'Cuando la ocurrencia es un BUG del sistema que necesita mantenimiento en el producto.',
    ),
    cap: null,
    consulting: false,
  },
  {
    key: 'consulting',
    names: l('Consultoria', 'Consulting', 'Consultoría'),
    help: l(
      'No caso da necessidade de atuação da equipe de CONSULTORIA.',
      'When the CONSULTING team needs to act.',
      'Cuando es necesaria la actuación del equipo de CONSULTORÍA.',
    ),
    cap: 'medium',
    consulting: true,
  },
  {
    key: 'improvement',
    names: l('Sugestão de melhorias', 'Improvement suggestion', 'Sugerencia de mejoras'),
    help: l(
      'No caso da indicação de novas funcionalidades para implementação nos produtos.',
      'To suggest new features to be implemented in the products.',
      'Para indicar nuevas funcionalidades a implementar en los productos.',
    ),
    cap: 'planning',
    consulting: false,
  },
  {
    key: 'customization',
    names: l('Solicitação de customização', 'Customization request', 'Solicitud de personalización'),
    help: l(
      'No caso de solicitação de funcionalidades específicas da empresa nos produtos.',
      "To request features specific to the company's use of the products.",
      'Para solicitar funcionalidades específicas de la empresa en los productos.',
    ),
    cap: 'planning',
    consulting: false,
  },
];

/** The guide's origins and the impact each gives. */
const origins = [
  {
    key: 'production',
    names: l('Cliente em produção', 'Customer in production', 'Cliente en producción'),
    help: l('Sistema já implantado e sendo utilizado normalmente.', 'System already deployed and in normal use.', 'Sistema ya implantado y en uso normal.'),
    impact: 'high',
  },
  {
    key: 'implementation',
    names: l('Cliente em fase de implantação', 'Customer in implementation', 'Cliente en fase de implantación'),
    help: l('Sistema em fase de implantação na empresa.', 'System being deployed at the company.', 'Sistema en fase de implantación en la empresa.'),
    impact: 'medium',
  },
  {
    key: 'new_version',
    names: l('Cliente em análise de nova versão', 'Customer evaluating a new version', 'Cliente en análisis de nueva versión'),
    help: l('Nova versão do Sistema sendo analisada.', 'A new version of the system is being evaluated.', 'Nueva versión del sistema en análisis.'),
    impact: 'low',
  },
  {
    key: 'beta',
    names: l('Cliente beta ou piloto', 'Beta or pilot customer', 'Cliente beta o piloto'),
    help: l('Sistema em utilização por Cliente BETA ou PILOTO.', 'System used by a BETA or PILOT customer.', 'Sistema en uso por un cliente BETA o PILOTO.'),
    impact: 'low',
  },
];

/** Reference data every installation starts with; a system administrator edits it later. */
export async function seedReferenceData(db: AnyDb): Promise<void> {
  for (const [position, c] of categories.entries()) {
    await db
      .insertInto('category')
      .values({ key: c.key, names: c.names, help: c.help, cap_level: c.cap, needs_consulting_right: c.consulting, position, active: true })
      .execute();
  }
  for (const [position, o] of origins.entries()) {
    await db.insertInto('origin').values({ key: o.key, names: o.names, help: o.help, impact: o.impact, position, active: true }).execute();
  }
  for (const impact of grades) {
    for (const urgency of grades) {
      await db.insertInto('criticality_cell').values({ impact, urgency, level: defaultMatrix[impact][urgency] }).execute();
    }
  }
}
