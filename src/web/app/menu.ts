import type { Me } from '../features/platform';

/** The screens a role opens, in menu order. */
export function menuFor(me: Me): string[] {
  const roles = new Set(me.roles.map((r) => r.role));
  const items: string[] = [];
  if (me.isAdmin || roles.has('program_manager')) items.push('programs');
  if (me.isAdmin || roles.has('program_manager') || roles.has('facilitator')) items.push('areas', 'villages');
  if (me.isAdmin || roles.size > 0) items.push('groups');
  if (me.isAdmin || roles.has('program_manager') || roles.has('assessor')) items.push('assessments');
  if (me.isAdmin || roles.has('program_manager')) items.push('schemes');
  if (me.isAdmin || roles.size > 0) items.push('training');
  const groupSide = ['program_manager', 'facilitator', 'group_manager', 'group_member'].some((r) => roles.has(r));
  // A treasurer's or member's own group's cash book; staff reach books through the group page.
  if (me.roles.some((r) => (r.role === 'group_manager' || r.role === 'group_member') && r.groupId)) {
    items.push('books');
  }
  if (me.isAdmin || groupSide) items.push('batches');
  // Buyers hold no role: their own inquiries and orders are all they see.
  items.push('inquiries', 'orders');
  // Everyone signed in has their own notifications.
  items.push('notifications');
  return items;
}
