import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LinkInput, MergeInput, RowOutcomes, TicketLinksView } from '../../../contracts/links';
import type { TicketView } from '../../../contracts/tickets';
import { api } from '../../api/client';
import { ticketsKey, useTicketMutation } from '../tickets/useTickets';

/**
 * The ticket's links (agents): asked again with each revision of the ticket, which every link
 * change bumps on both sides, so the event stream's refresh of the ticket brings them too.
 */
export function useTicketLinks(ticket: TicketView, enabled: boolean) {
  return useQuery({
    queryKey: [...ticketsKey, 'links', ticket.number, ticket.revision],
    queryFn: () => api.get<TicketLinksView>(`/api/tickets/${ticket.number}/links`),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** A change of links: this ticket and the lists are asked again (their revisions moved). */
function useLinkChange<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketsKey }) });
}

export function useMergeTicket(number: number) {
  return useTicketMutation(number, (input: MergeInput) => api.post<TicketView>(`/api/tickets/${number}/merge`, input));
}

export function useLinkTicket(number: number) {
  return useLinkChange((input: LinkInput) => api.post<TicketLinksView>(`/api/tickets/${number}/links`, input));
}

export function useUnlinkTicket(number: number) {
  return useLinkChange((other: number) => api.delete<TicketLinksView>(`/api/tickets/${number}/links/${other}`));
}

/** Links many tickets to this problem; the answer says which were linked. */
export function useLinkIncidents(number: number) {
  return useLinkChange((numbers: number[]) => api.post<RowOutcomes>(`/api/tickets/${number}/incidents`, { numbers }));
}

/** One public reply on the problem and each of its incidents. */
export function useReplyToIncidents(number: number) {
  return useLinkChange((body: string) => api.post<RowOutcomes>(`/api/tickets/${number}/incidents/reply`, { body }));
}

/** Ticket numbers typed as "120, 121 130", or undefined when something else is there. */
export function parseNumbers(text: string): number[] | undefined {
  const parts = text.split(/[\s,;]+/).map((p) => p.replace(/^#/, '')).filter(Boolean);
  if (!parts.length || parts.some((p) => !/^\d{1,10}$/.test(p))) return undefined;
  return [...new Set(parts.map(Number))];
}
