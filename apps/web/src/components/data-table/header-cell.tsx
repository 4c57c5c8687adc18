import type { Header, RowData } from '@tanstack/react-table';
import { FlexRender } from '@tanstack/react-table';
import { cellClassName, type DataTableFeatures } from './columns';

/** The `aria-sort` of a column: how it is sorted, or `none` when it could be and is not. */
export function ariaSortOf(sorted: false | 'asc' | 'desc'): 'ascending' | 'descending' | 'none' {
  if (sorted === 'asc') return 'ascending';
  if (sorted === 'desc') return 'descending';
  return 'none';
}

const SORT_ARROWS = { asc: '▲', desc: '▼', none: '↕' } as const;

interface HeaderCellProps<TData extends RowData> {
  header: Header<DataTableFeatures, TData, unknown>;
}

/**
 * A column header. A sortable column's header is a button (Enter or Space sorts) and the cell
 * carries `aria-sort`; the arrow beside the label is decoration, the state is in `aria-sort`.
 */
export function HeaderCell<TData extends RowData>({ header }: HeaderCellProps<TData>) {
  const { column } = header;
  const className = cellClassName(column.columnDef.meta);
  if (header.isPlaceholder) return <th scope="col" className={className} />;
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={className}>
        <FlexRender header={header} />
      </th>
    );
  }
  const sorted = column.getIsSorted();
  return (
    <th scope="col" className={className} aria-sort={ariaSortOf(sorted)}>
      <button
        type="button"
        className={`data-table__sort${sorted ? ' data-table__sort--active' : ''}`}
        onClick={column.getToggleSortingHandler()}
      >
        <span>
          <FlexRender header={header} />
        </span>
        <span className="data-table__sort-arrow" aria-hidden="true">
          {SORT_ARROWS[sorted || 'none']}
        </span>
      </button>
    </th>
  );
}
