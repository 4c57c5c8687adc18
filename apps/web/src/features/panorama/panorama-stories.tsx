import { formatLongDate } from '../../components/format/date';
import { EmptyState } from '../../components/query-state/query-state';
import { useT } from '../../i18n/language-provider';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql';
import { PanoramaPanel } from './panorama-panel';

/** The region's stories from the field, newest first. */
export const PanoramaStories_Panorama = graphql(`
  fragment PanoramaStories_Panorama on Panorama {
    stories {
      id
      title
      date
      summary
      country {
        id
        name
      }
    }
  }
`);

/** Examples from the field, as cards: what happened, where and when. */
export function PanoramaStories({ panorama: data }: { panorama: FragmentOf<typeof PanoramaStories_Panorama> }) {
  const t = useT();
  const panorama = readFragment(PanoramaStories_Panorama, data);
  return (
    <PanoramaPanel title={t('stories.title')} lead={t('stories.lead')}>
      {panorama.stories.length === 0 ? (
        <EmptyState title={t('stories.empty')} />
      ) : (
        <ul className="panorama-stories">
          {panorama.stories.map((story) => (
            <li key={story.id}>
              <article className="panorama-story" aria-labelledby={`story-${story.id}`}>
                <h3 id={`story-${story.id}`} className="panorama-story__title">
                  {story.title}
                </h3>
                <p className="panorama-story__meta">
                  <time dateTime={story.date}>{formatLongDate(story.date)}</time>
                  {story.country ? ` · ${story.country.name}` : null}
                </p>
                <p className="panorama-story__summary">{story.summary}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </PanoramaPanel>
  );
}
