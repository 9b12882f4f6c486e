// A cause's drivers: feature values whose traces fail it more often, with lift, support and the corrected q-value.
import type { Driver } from '@kaizen/core';
import { DataTable } from '../../components/data-table';
import { percent } from '../../components/status';
import { driverText, lift, qValue } from './rca-format';

export function DriversTable(props: { readonly drivers: readonly Driver[]; readonly testId?: string }) {
  return (
    <DataTable
      {...(props.testId === undefined ? {} : { testId: props.testId })}
      rows={props.drivers}
      rowKey={(driver) => `${driver.feature}\n${driver.value}`}
      empty="No driver is significant for this cause."
      columns={[
        { header: 'Driver', cell: (driver) => <code>{driverText(driver)}</code> },
        { header: 'Lift', className: 'num', cell: (driver) => lift(driver.lift) },
        { header: 'Support', className: 'num', cell: (driver) => driver.support },
        { header: 'Fails with', className: 'num', cell: (driver) => percent(driver.failureRateWith) },
        { header: 'Fails without', className: 'num', cell: (driver) => percent(driver.failureRateWithout) },
        { header: 'q-value', className: 'num', cell: (driver) => qValue(driver.qValue) },
      ]}
    />
  );
}
