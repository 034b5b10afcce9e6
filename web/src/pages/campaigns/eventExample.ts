// What an integrator sends: the fields of ServiceEventBody (src/http/routes/campaigns/eventRoutes.ts).
export const EVENT_EXAMPLE = {
  eventId: 'crm-784512',
  type: 'service_delivered',
  occurredAt: '2026-03-14T15:20:00+03:00',
  customer: {
    externalId: 'C-10042',
    phone: '+79161234567',
    email: 'anna@example.com',
    name: 'Anna Petrova',
    language: 'ru',
    timezone: 'Europe/Moscow',
  },
  serviceType: 'repair',
  department: 'Moscow service centre',
  employee: 'Ivan Sidorov',
  attributes: { product: 'washing_machine' },
};

export const eventExampleJson = () => JSON.stringify(EVENT_EXAMPLE, null, 2);
