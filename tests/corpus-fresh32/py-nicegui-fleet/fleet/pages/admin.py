import csv
from datetime import datetime, timezone

from nicegui import ui
from sqlmodel import select

from ..auth import admin_page
from ..config import get_settings
from ..db import session_scope
from ..jobs import sync_driver_roster
from ..models import Driver, MaintenanceRecord, Vehicle


@admin_page('/admin/drivers')
def drivers_page() -> None:
    with session_scope() as session:
        drivers = session.exec(select(Driver).order_by(Driver.name)).all()
        rows = [{'id': d.id, 'name': d.name, 'employee_no': d.employee_no, 'vehicle': d.vehicle_id} for d in drivers]
    ui.label('Drivers').classes('text-h5')
    ui.table(
        columns=[
            {'name': 'name', 'label': 'Name', 'field': 'name'},
            {'name': 'employee_no', 'label': 'Employee no.', 'field': 'employee_no'},
            {'name': 'vehicle', 'label': 'Vehicle', 'field': 'vehicle'},
        ],
        rows=rows,
        row_key='id',
    )
    ui.button('Sync roster from HR', on_click=sync_driver_roster)


@admin_page('/admin/vehicles')
def vehicles_page() -> None:
    ui.label('Vehicles').classes('text-h5')
    plate = ui.input('Plate')
    unit = ui.input('TrakBox unit id')
    model = ui.input('Model')

    def add_vehicle() -> None:
        with session_scope() as session:
            session.add(Vehicle(plate=plate.value.upper(), unit_id=unit.value, model=model.value))
            session.commit()
        ui.notify(f'{plate.value} added', color='positive')

    ui.button('Add vehicle', on_click=add_vehicle)


@ui.page('/admin/maintenance-export')
def maintenance_export_page() -> None:
    ui.label('Maintenance export').classes('text-h5')
    status = ui.label()

    def export() -> None:
        settings = get_settings()
        settings.export_dir.mkdir(parents=True, exist_ok=True)
        target = settings.export_dir / f"maintenance-{datetime.now(timezone.utc):%Y%m%d-%H%M}.csv"
        with session_scope() as session, target.open('w', newline='') as fh:
            writer = csv.writer(fh)
            writer.writerow(['vehicle_id', 'performed_at', 'kind', 'cost_cents', 'notes'])
            for r in session.exec(select(MaintenanceRecord).order_by(MaintenanceRecord.performed_at)).all():
                writer.writerow([r.vehicle_id, r.performed_at.isoformat(), r.kind, r.cost_cents, r.notes])
        status.text = f'Written to {target}'
        ui.download(target)

    ui.button('Export all maintenance records', on_click=export)
