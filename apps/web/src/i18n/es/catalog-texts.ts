import type { MetricTexts, ObjectiveNames } from '../catalog-texts';

/** The metrics of the catalog in Spanish. */
export const esMetrics: MetricTexts = {
  REVENUE_USD: { label: 'Ingresos', description: 'Suma de los importes de las contribuciones fechadas en el período.' },
  CASH_REVENUE_USD: { label: 'Ingresos en efectivo', description: 'Ingresos solo de contribuciones en efectivo.' },
  IN_KIND_REVENUE_USD: { label: 'Ingresos en especie', description: 'Ingresos solo de contribuciones en especie.' },
  CONTRIBUTION_COUNT: { label: 'Contribuciones', description: 'Número de contribuciones fechadas en el período.' },
  AVERAGE_GIFT_USD: {
    label: 'Donación media',
    description: 'Ingresos divididos por el número de contribuciones, redondeados al céntimo; vacío si no hay ninguna.',
  },
  ACTIVE_PARTNERS: {
    label: 'Socios activos',
    description: 'Socios distintos con al menos una contribución en el período.',
  },
  NEW_PARTNERS: {
    label: 'Nuevos socios',
    description: 'Socios activos cuya primera contribución en el ámbito, en todo el historial, cae en el período.',
  },
  PARTNER_RETENTION_RATE: {
    label: 'Retención de socios',
    description:
      'De los socios activos en el ámbito en el período anterior, la proporción que sigue activa en este; vacío si no había ninguno.',
  },
  PIPELINE_WEIGHTED_USD: {
    label: 'Cartera ponderada',
    description:
      'Suma de importe × probabilidad de las oportunidades abiertas (ni ganadas ni perdidas) con cierre previsto en el período.',
  },
  BENEFICIARIES_REACHED: {
    label: 'Beneficiarios alcanzados',
    description: 'Personas alcanzadas por programas financiados mediante alianzas.',
  },
  MEALS_PROVIDED: { label: 'Comidas proporcionadas', description: 'Comidas proporcionadas gracias a las alianzas.' },
  FOOD_TONNES: {
    label: 'Alimentos entregados',
    description: 'Toneladas de alimentos comprados, donados o transportados con los socios.',
  },
  PEOPLE_TRAINED: {
    label: 'Personas capacitadas',
    description: 'Personas capacitadas gracias a las alianzas (agricultores, personal, proveedores).',
  },
  EXPERTISE_DAYS: {
    label: 'Días de asistencia técnica',
    description: 'Días de asistencia técnica aportados por los socios.',
  },
  WORKPLANS_COMPLETED: {
    label: 'Planes de trabajo completados',
    description: 'Planes de trabajo de apoyo a los despachos regionales completados.',
  },
  CONTENT_PIECES_PUBLISHED: {
    label: 'Contenidos publicados',
    description: 'Historias, vídeos y artículos publicados sobre las alianzas.',
  },
  PRACTITIONERS_IN_NETWORK: {
    label: 'Profesionales incorporados',
    description: 'Profesionales que se incorporaron a la red de profesionales de alianzas.',
  },
};

/** The strategy's objectives in Spanish. */
export const esObjectives: ObjectiveNames = {
  INC_GROWTH: 'Aumentar los ingresos del sector privado',
  INC_FLEXIBLE: 'Aumentar la financiación flexible y plurianual',
  INC_INDIVIDUAL: 'Impulsar las donaciones individuales',
  IMP_NUTRITION: 'Mejorar la nutrición',
  IMP_RESILIENCE: 'Fortalecer los sistemas alimentarios y la resiliencia',
  IMP_EMERGENCY: 'Responder a las emergencias',
  INN_TECHNOLOGY: 'Alianzas de tecnología e innovación',
  INN_SHARED_VALUE: 'Modelos de valor compartido',
  ENB_BUREAU_SUPPORT: 'Apoyo adaptado a cada despacho regional',
  ENB_COMMUNICATION: 'Comunicación',
  ENB_PRACTITIONERS: 'La red de profesionales',
};
