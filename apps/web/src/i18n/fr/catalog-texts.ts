import type { MetricTexts, ObjectiveNames } from '../catalog-texts';

/** The metrics of the catalog in French. */
export const frMetrics: MetricTexts = {
  REVENUE_USD: { label: 'Recettes', description: 'Somme des montants des contributions datées de la période.' },
  CASH_REVENUE_USD: { label: 'Recettes en espèces', description: 'Recettes des seules contributions en espèces.' },
  IN_KIND_REVENUE_USD: { label: 'Recettes en nature', description: 'Recettes des seules contributions en nature.' },
  CONTRIBUTION_COUNT: { label: 'Contributions', description: 'Nombre de contributions datées de la période.' },
  AVERAGE_GIFT_USD: {
    label: 'Don moyen',
    description: 'Recettes divisées par le nombre de contributions, arrondies au centime ; vide s’il n’y en a aucune.',
  },
  ACTIVE_PARTNERS: {
    label: 'Partenaires actifs',
    description: 'Partenaires distincts ayant au moins une contribution dans la période.',
  },
  NEW_PARTNERS: {
    label: 'Nouveaux partenaires',
    description: 'Partenaires actifs dont la toute première contribution dans le périmètre date de la période.',
  },
  PARTNER_RETENTION_RATE: {
    label: 'Fidélisation des partenaires',
    description:
      'Parmi les partenaires actifs dans le périmètre sur la période précédente, la part encore active sur celle-ci ; vide s’il n’y en avait aucun.',
  },
  PIPELINE_WEIGHTED_USD: {
    label: 'Portefeuille pondéré',
    description:
      'Somme des montants × probabilité des opportunités ouvertes (ni gagnées ni perdues) dont la clôture est prévue dans la période.',
  },
  BENEFICIARIES_REACHED: {
    label: 'Bénéficiaires atteints',
    description: 'Personnes atteintes par des programmes financés par des partenariats.',
  },
  MEALS_PROVIDED: { label: 'Repas fournis', description: 'Repas fournis grâce aux partenariats.' },
  FOOD_TONNES: {
    label: 'Vivres livrés',
    description: 'Tonnes de vivres achetés, donnés ou acheminés avec des partenaires.',
  },
  PEOPLE_TRAINED: {
    label: 'Personnes formées',
    description: 'Personnes formées grâce aux partenariats (agriculteurs, personnel, fournisseurs).',
  },
  EXPERTISE_DAYS: {
    label: 'Jours d’expertise',
    description: 'Jours d’expertise technique apportés par des partenaires.',
  },
  WORKPLANS_COMPLETED: {
    label: 'Plans de travail achevés',
    description: 'Plans de travail d’appui aux bureaux régionaux achevés.',
  },
  CONTENT_PIECES_PUBLISHED: {
    label: 'Contenus publiés',
    description: 'Récits, vidéos et articles publiés sur les partenariats.',
  },
  PRACTITIONERS_IN_NETWORK: {
    label: 'Praticiens ayant adhéré',
    description: 'Praticiens ayant rejoint le réseau des praticiens des partenariats.',
  },
};

/** The strategy's objectives in French. */
export const frObjectives: ObjectiveNames = {
  INC_GROWTH: 'Accroître les recettes du secteur privé',
  INC_FLEXIBLE: 'Augmenter les financements flexibles et pluriannuels',
  INC_INDIVIDUAL: 'Développer les dons des particuliers',
  IMP_NUTRITION: 'Améliorer la nutrition',
  IMP_RESILIENCE: 'Renforcer les systèmes alimentaires et la résilience',
  IMP_EMERGENCY: 'Répondre aux urgences',
  INN_TECHNOLOGY: 'Partenariats technologiques et d’innovation',
  INN_SHARED_VALUE: 'Modèles de valeur partagée',
  ENB_BUREAU_SUPPORT: 'Un appui adapté à chaque bureau régional',
  ENB_COMMUNICATION: 'Communication',
  ENB_PRACTITIONERS: 'Le réseau des praticiens',
};
