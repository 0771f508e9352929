/**
 * Portuguese help-desk vocabulary for the generated tickets. The texts are built from
 * templates so that word frequencies vary like real ones: a few words are everywhere
 * ("erro", "sistema"), most are occasional, some are rare — which is what makes the
 * full-text search benchmark meaningful.
 */

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same dataset. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
export type Random = ReturnType<typeof createRandom>;

const problems = ['Erro', 'Falha', 'Lentidão', 'Divergência', 'Rejeição', 'Travamento', 'Inconsistência', 'Dúvida', 'Problema', 'Mensagem de erro', 'Tela em branco', 'Timeout'];
const actions = ['ao emitir', 'ao calcular', 'ao gerar', 'ao importar', 'ao integrar', 'ao processar', 'ao consultar', 'ao baixar', 'ao aprovar', 'ao imprimir', 'ao transmitir', 'ao fechar', 'ao estornar', 'ao exportar'];
const objects = [
  'a nota fiscal de saída', 'a folha de pagamento', 'o boleto bancário', 'o pedido de venda', 'o relatório de férias', 'o arquivo SPED fiscal',
  'o evento S-1200 do eSocial', 'o título a receber', 'a ordem de produção', 'o inventário do estoque', 'o XML da NF-e', 'a guia de INSS',
  'o lançamento contábil', 'o cadastro de fornecedor', 'a rescisão do colaborador', 'o cálculo do FGTS', 'a conciliação bancária',
  'o pedido de compra', 'a remessa CNAB', 'o retorno do banco', 'a DCTFWeb', 'o apontamento de horas', 'o fechamento do mês', 'a cotação de compra',
];
const contexts = ['em produção', 'após a atualização', 'na filial', 'desde ontem', 'para alguns usuários', 'no fechamento', 'com certificado A1', 'via integração'];
const cities = ['São Paulo', 'Campinas', 'Curitiba', 'Recife', 'Porto Alegre', 'Belo Horizonte', 'Salvador', 'Manaus', 'Goiânia', 'Florianópolis', 'Fortaleza', 'Joinville', 'Ribeirão Preto', 'Londrina', 'Vitória', 'Uberlândia', 'Sorocaba', 'Maringá'];
const messages = [
  'Rejeição 225: falha no schema XML', 'Erro 500 no servidor de aplicação', 'Violação de chave primária', 'Certificado digital expirado',
  'Tempo limite de conexão excedido', 'Registro bloqueado por outro usuário', 'Alíquota não encontrada para o NCM', 'Lote em processamento na SEFAZ',
  'Base de cálculo divergente', 'Acesso negado ao diretório de rede', 'Índice corrompido na tabela', 'Serviço de licenças indisponível',
];
const symptoms = ['uma lentidão extrema', 'valores divergentes', 'a tela travada', 'uma mensagem de erro', 'registros duplicados', 'totais zerados', 'campos em branco', 'a sessão encerrada'];
const attempts = [
  'Já reiniciamos o serviço e limpamos o cache, sem sucesso.', 'O mesmo procedimento funciona na base de homologação.',
  'Conferimos os parâmetros com o consultor e estão corretos.', 'Anexamos o log do servidor e o print da tela.',
  'O problema começou depois da aplicação do último patch.', 'Outros usuários da mesma filial não têm o problema.',
  'Tentamos reprocessar o lote durante a madrugada.', 'A integração com o banco parou de retornar os arquivos.',
];
const urgencies = [
  'Precisamos de uma solução urgente pois o prazo vence amanhã.', 'O fechamento contábil está parado aguardando retorno.',
  'Há uma alternativa manual, mas ela é demorada.', 'Não impede a operação, mas gera retrabalho diário.', 'A auditoria pediu a correção até o fim do mês.',
];

/** Terms of less common processes, so that some searches match few tickets. */
const rareTerms = ['do Bloco K', 'da EFD-Reinf', 'da GNRE', 'do MDF-e', 'do CT-e', 'do PIX', 'da DIRF', 'do SINTEGRA', 'da ECF', 'do FCI'];

/** A one-line summary like "Rejeição ao transmitir o XML da NF-e em produção". */
export function summaryText(r: Random, routine: string): string {
  const base = `${r.pick(problems)} ${r.pick(actions)} ${r.pick(objects)}`;
  const n = r.int(3);
  return n === 0 ? base : n === 1 ? `${base} ${r.pick(contexts)}` : `${base} (${routine})`;
}

/** A two-to-four sentence description of the incident. */
export function incidentText(r: Random, module: string, routine: string): string {
  const sentences = [
    `Na rotina ${routine} do módulo ${module} o sistema apresenta ${r.pick(symptoms)} ${r.pick(actions)} ${r.pick(objects)}.`,
    `A mensagem exibida é "${r.pick(messages)}".`,
  ];
  if (r.next() < 0.6) sentences.push(`O problema afeta ${2 + r.int(40)} usuários da unidade de ${r.pick(cities)}. ${r.pick(attempts)}`);
  if (r.next() < 0.15) sentences.push(`Ocorre também na geração ${r.pick(rareTerms)} referente à competência ${1 + r.int(12)}/${2024 + r.int(3)}.`);
  if (r.next() < 0.5) sentences.push(r.pick(urgencies));
  return sentences.join(' ');
}

const companyWords = ['Alvorada', 'Horizonte', 'Progresso', 'Aurora', 'Pioneira', 'Central', 'Atlântico', 'Serrana', 'Paulista', 'Mineira', 'Gaúcha', 'Nordeste', 'Vale', 'Litoral', 'Planalto', 'Cerrado', 'Pampa', 'Ipê', 'Jatobá', 'Araucária'];
const companyKinds = ['Indústria', 'Comércio', 'Logística', 'Alimentos', 'Têxtil', 'Metalúrgica', 'Agro', 'Farmacêutica', 'Construtora', 'Transportes', 'Distribuidora', 'Tecnologia'];
const companySuffixes = ['Ltda', 'S.A.', 'Eireli', 'ME'];
const firstNames = ['Ana', 'Bruno', 'Carla', 'Diego', 'Eduarda', 'Felipe', 'Gabriela', 'Henrique', 'Isabela', 'João', 'Karina', 'Lucas', 'Mariana', 'Nicolas', 'Olívia', 'Paulo', 'Rafaela', 'Sérgio', 'Tatiana', 'Vinícius', 'Júlia', 'Thiago', 'Letícia', 'Rodrigo'];
const lastNames = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Barbosa', 'Araújo'];

export function companyName(r: Random, n: number): string {
  return `${r.pick(companyWords)} ${r.pick(companyKinds)} ${n} ${r.pick(companySuffixes)}`;
}

export function personName(r: Random): string {
  return `${r.pick(firstNames)} ${r.pick(lastNames)} ${r.pick(lastNames)}`;
}

/** Words the search benchmark rotates over: very common, common, and rare ones. */
export const searchWords = ['folha', 'rejeição', 'boleto', 'lentidão', 'certificado', 'Joinville', 'Reinf', 'sintegra'];
