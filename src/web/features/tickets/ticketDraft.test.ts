import { describe, expect, it } from 'vitest';
import type { ServiceLineForm } from '../../../contracts/catalog';
import { defaultMatrix } from '../../../contracts/criticality';
import { translate } from '../../../contracts/i18n';
import { emailErrors, emptyDraft, isTouched, liveCriticality, restoreDraft, validateDraft, type TicketDraft } from './ticketDraft';

const t = (key: string, params?: Record<string, string | number>) => translate('pt-BR', key, params);

const form: ServiceLineForm = {
  serviceLine: { id: 1, code: 'RM', name: 'RM', channelKey: 'software', channelName: 'Software' },
  modules: [
    { id: 10, name: 'RM Labore', routines: [{ id: 100, name: 'Folha de pagamento' }] },
    { id: 11, name: 'RM Fluxus', routines: [{ id: 110, name: 'Contas a pagar' }] },
  ],
  versions: [{ id: 20, name: '12.1.2410' }],
  environments: [{ id: 30, name: 'Produção' }],
  categories: [
    { id: 1, key: 'service', name: 'Atendimento/Dúvida/Análise', help: '…', cap: null, needsConsultingRight: false },
    { id: 3, key: 'consulting', name: 'Consultoria', help: '…', cap: 'medium', needsConsultingRight: true },
    { id: 4, key: 'improvement', name: 'Sugestão de melhorias', help: '…', cap: 'planning', needsConsultingRight: false },
  ],
  origins: [{ id: 1, name: 'Cliente em produção', help: '…', impact: 'high' }],
  effects: [
    { id: 1, name: 'Sistema parado', urgency: 'high' },
    { id: 3, name: 'Processo parado com alternativa de contorno', urgency: 'medium' },
  ],
  matrix: defaultMatrix,
  companies: [{ id: 7, name: 'Alfa Indústria Ltda', country: 'BR', mayRequestConsulting: false }],
  canOpenOnBehalf: false,
};
const agentForm: ServiceLineForm = { ...form, companies: [], canOpenOnBehalf: true };
const noLists: ServiceLineForm = { ...form, versions: [], environments: [] };

const filled = (patch: Partial<TicketDraft> = {}): TicketDraft => ({
  ...emptyDraft(form),
  categoryId: 1,
  originId: 1,
  effectId: 3,
  moduleId: 10,
  routineId: 100,
  versionId: 20,
  environmentId: 30,
  summary: '  Folha não calcula  ',
  incident: 'Detalhes',
  ...patch,
});
const rights = { mayRequestConsulting: false };

describe('the ticket form draft', () => {
  it('starts with the only company and its country; agents on behalf of a customer', () => {
    expect(emptyDraft(form)).toMatchObject({ companyId: 7, country: 'BR', onBehalf: false });
    expect(emptyDraft(agentForm)).toMatchObject({ companyId: null, country: null, onBehalf: true });
    expect(isTouched(emptyDraft(form), form)).toBe(false);
  });

  it('refuses an empty form field by field, in the user\'s language, with the server\'s schema', () => {
    const result = validateDraft(emptyDraft(form), form, rights, t);
    expect(result.input).toBeNull();
    expect(result.errors).toEqual({
      categoryId: 'Preencha este campo.',
      originId: 'Preencha este campo.',
      effectId: 'Preencha este campo.',
      moduleId: 'Preencha este campo.',
      routineId: 'Preencha este campo.',
      versionId: 'Preencha este campo.',
      environmentId: 'Preencha este campo.',
      summary: 'Preencha este campo.',
      incident: 'Preencha este campo.',
    });
  });

  it('does not ask for the lists a line does not use', () => {
    const result = validateDraft(filled({ versionId: null, environmentId: null }), noLists, rights, t);
    expect(result.errors).toBeNull();
    expect(result.input).toMatchObject({ versionId: undefined, environmentId: undefined });
  });

  it('sends the parsed body: trimmed, lower-cased addresses, the company', () => {
    const result = validateDraft(filled({ additionalEmails: ['Gestor@Alfa.Example'] }), form, rights, t);
    expect(result.errors).toBeNull();
    expect(result.input).toMatchObject({
      serviceLineId: 1,
      companyId: 7,
      onBehalf: false,
      additionalEmails: ['gestor@alfa.example'],
      country: 'BR',
      summary: 'Folha não calcula',
    });
  });

  it('names each wrong address and the limit of ten', () => {
    expect(emailErrors(['ok@alfa.example', 'errado@'], t)).toEqual({ 'additionalEmails.1': 'Informe um e-mail válido.' });
    const eleven = Array.from({ length: 11 }, (_, i) => `p${i}@alfa.example`);
    expect(emailErrors(eleven, t)).toEqual({ additionalEmails: 'Informe no máximo 10 e-mails.' });
    expect(validateDraft(filled({ summary: 'x'.repeat(201) }), form, rights, t).errors).toEqual({ summary: 'Use no máximo 200 caracteres.' });
  });

  it('asks agents for the company and contact, and refuses Não', () => {
    const draft = { ...filled(), ...emptyDraft(agentForm), categoryId: 1, originId: 1, effectId: 3, moduleId: 10, routineId: 100, versionId: 20, environmentId: 30, summary: 'a', incident: 'b', country: 'BR' };
    expect(validateDraft(draft, agentForm, rights, t).errors).toEqual({ companyId: 'Preencha este campo.', requesterId: 'Preencha este campo.' });
    expect(validateDraft({ ...draft, onBehalf: false }, agentForm, rights, t).errors).toEqual({
      onBehalf: 'Analistas abrem chamados em nome de um cliente: escolha a empresa e o contato.',
    });
    const ok = validateDraft({ ...draft, companyId: 9, requesterId: 'p1' }, agentForm, rights, t);
    expect(ok.input).toMatchObject({ onBehalf: true, companyId: 9, requesterId: 'p1' });
  });

  it('refuses Consultoria without the right', () => {
    expect(validateDraft(filled({ categoryId: 3 }), form, rights, t).errors).toEqual({
      categoryId: 'Você não tem permissão para solicitar Consultoria.',
    });
    expect(validateDraft(filled({ categoryId: 3 }), form, { mayRequestConsulting: true }, t).errors).toBeNull();
  });

  it('restores a stored draft, dropping what the catalog no longer offers', () => {
    const restored = restoreDraft({ ...filled(), moduleId: 11, routineId: 100, versionId: 999, summary: 42, additionalEmails: ['a@b.example', 3] }, form);
    expect(restored).toMatchObject({ moduleId: 11, routineId: null, versionId: null, summary: '', additionalEmails: ['a@b.example'], companyId: 7 });
    expect(restoreDraft('garbage', form)).toEqual(emptyDraft(form));
  });

  it('computes the criticality live, with its reason', () => {
    expect(liveCriticality(emptyDraft(form), form, t)).toBeNull();
    const live = liveCriticality(filled(), form, t)!;
    expect(live.criticality.level).toBe('high');
    expect(live.reason).toBe("Alta: Efeito 'Processo parado com alternativa de contorno' → urgência média; Origem 'Cliente em produção' → impacto alto");
    expect(liveCriticality(filled({ categoryId: 4, effectId: 1 }), form, t)!.reason).toContain("Categoria 'Sugestão de melhorias' limita a Planejamento");
  });
});
