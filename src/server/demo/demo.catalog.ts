/** The demo catalog of product.md §2: channels → service lines → modules → routines. */

type Line = {
  code: string;
  name: string;
  modules: Record<string, string[]>;
  versions: string[];
  environments: Record<'pt-BR' | 'en' | 'es', string>[];
};

const [production, staging, development] = [
  { 'pt-BR': 'Produção', en: 'Production', es: 'Producción' },
  { 'pt-BR': 'Homologação', en: 'Staging', es: 'Homologación' },
  { 'pt-BR': 'Desenvolvimento', en: 'Development', es: 'Desarrollo' },
];
const environments = [production, staging, development];

export const demoChannels: { key: string; names: Record<string, string>; lines: Line[] }[] = [
  {
    key: 'software',
    names: { 'pt-BR': 'Software', en: 'Software', es: 'Software' },
    lines: [
      {
        code: 'RM',
        name: 'RM',
        modules: {
          'RM Labore': ['Folha de pagamento', 'Férias', 'Rescisão', 'eSocial'],
          'RM Fluxus': ['Contas a pagar', 'Contas a receber', 'Fluxo de caixa'],
          'RM Nucleus': ['Compras', 'Estoque'],
        },
        versions: ['12.1.2402', '12.1.2406', '12.1.2410'],
        environments,
      },
      {
        code: 'PROTHEUS',
        name: 'Protheus',
        modules: {
          'SIGAFAT – Faturamento': ['Pedido de venda', 'Nota fiscal de saída'],
          'SIGAFIN – Financeiro': ['Contas a pagar', 'Contas a receber', 'Baixas'],
          'SIGACOM – Compras': ['Solicitação de compra', 'Pedido de compra'],
        },
        versions: ['12.1.2310', '12.1.2410'],
        environments,
      },
      {
        code: 'DATASUL',
        name: 'Datasul',
        modules: {
          Faturamento: ['Emissão de notas', 'Cálculo de impostos'],
          Manufatura: ['Ordem de produção', 'Apontamento'],
        },
        versions: ['12.1.2309', '12.1.2403'],
        environments,
      },
      {
        code: 'LOGIX',
        name: 'Logix',
        modules: { Suprimentos: ['Requisição', 'Recebimento'], Financeiro: ['Tesouraria', 'Contabilidade'] },
        versions: ['12.1.2307'],
        environments,
      },
    ],
  },
  {
    key: 'relationship',
    names: { 'pt-BR': 'Relacionamento', en: 'Relationship', es: 'Relacionamiento' },
    lines: [
      {
        code: 'CST',
        name: 'Centro de Serviços (CST)',
        modules: {
          Atendimento: ['Abertura de chamado', 'Acompanhamento de chamado'],
          Treinamento: ['Agendamento', 'Certificação'],
        },
        versions: [],
        environments: [],
      },
      {
        code: 'OUVIDORIA',
        name: 'Ouvidoria',
        modules: { Reclamação: ['Atendimento', 'Comercial', 'Financeiro'], Elogio: ['Atendimento'] },
        versions: [],
        environments: [],
      },
    ],
  },
  {
    key: 'value_added',
    names: { 'pt-BR': 'Serviço de Valor Agregado', en: 'Value-added services', es: 'Servicios de valor agregado' },
    lines: [
      {
        code: 'CLOUD',
        name: 'Cloud',
        modules: { 'TOTVS Cloud': ['Acesso', 'Backup', 'Desempenho'] },
        versions: [],
        environments: [production, staging],
      },
      {
        code: 'DATACENTER',
        name: 'Datacenter',
        modules: { Hospedagem: ['Servidores', 'Rede', 'Backup'] },
        versions: [],
        environments: [production],
      },
    ],
  },
];

/** Effects and the urgency each gives (product.md §3). */
export const demoEffects: { names: Record<string, string>; urgency: 'high' | 'medium' | 'low' }[] = [
  { urgency: 'high', names: { 'pt-BR': 'Sistema parado', en: 'System down', es: 'Sistema detenido' } },
  {
    urgency: 'high',
    names: { 'pt-BR': 'Processo parado sem alternativa', en: 'Process stopped, no workaround', es: 'Proceso detenido sin alternativa' },
  },
  {
    urgency: 'medium',
    names: {
      'pt-BR': 'Processo parado com alternativa de contorno',
      en: 'Process stopped, with a workaround',
      es: 'Proceso detenido con alternativa de contorno',
    },
  },
  { urgency: 'medium', names: { 'pt-BR': 'Inconsistência em processo', en: 'Process inconsistency', es: 'Inconsistencia en proceso' } },
  {
    urgency: 'low',
    names: { 'pt-BR': 'Dúvida / não impede a operação', en: 'Question / does not stop operation', es: 'Duda / no impide la operación' },
  },
];

export const demoCompanies = [
  {
    name: 'Alfa Indústria Ltda',
    cnpj: '11222333000181',
    country: 'BR',
    lines: ['RM', 'PROTHEUS', 'CST', 'OUVIDORIA', 'CLOUD'],
    admin: { name: 'Ana Administradora', email: 'admin@alfa.example' },
    contact: { name: 'Carlos Contato', email: 'contato@alfa.example' },
  },
  {
    name: 'Beta Comércio S.A.',
    cnpj: '44555666000181',
    country: 'BR',
    lines: ['DATASUL', 'CST', 'OUVIDORIA'],
    admin: { name: 'Bruno Administrador', email: 'admin@beta.example' },
    contact: { name: 'Beatriz Contato', email: 'contato@beta.example' },
  },
];

export const demoPassword = 'atende-demo';

/** The guide's section 5: whom to call, as help channels. */
export const demoHelpChannels = [
  {
    names: { 'pt-BR': 'Suporte ao Portal do Cliente', en: 'Customer Portal support', es: 'Soporte al Portal del Cliente' },
    descriptions: {
      'pt-BR': 'Dúvidas e situações relacionadas à utilização do portal.',
      en: 'Questions and issues about using the portal.',
      es: 'Dudas y situaciones relacionadas con el uso del portal.',
    },
    phone: '4003 0015',
    option: '5',
  },
  {
    names: {
      'pt-BR': 'Atualização Cadastral de Acesso aos Canais de Atendimento',
      en: 'Access and registration updates',
      es: 'Actualización de registro de acceso a los canales de atención',
    },
    descriptions: {
      'pt-BR': 'Dúvidas e situações referentes ao acesso ao portal, e para saber quem é o administrador de portal da sua empresa.',
      en: "Questions about access to the portal, and to find out who your company's portal administrator is.",
      es: 'Dudas sobre el acceso al portal, y para saber quién es el administrador del portal de su empresa.',
    },
    phone: '4003 0015',
    option: '7',
  },
];
