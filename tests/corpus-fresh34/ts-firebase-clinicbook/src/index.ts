import { setGlobalOptions } from "firebase-functions/v2";
import { region } from "./config";

setGlobalOptions({ region, maxInstances: 20 });

export {
  getAvailability,
  createBooking,
  cancelBooking,
  rescheduleBooking,
  listMyBookings,
  transferBooking,
} from "./callable/bookings";
export { setStaffRole, disableAccount, clinicSchedule, exportBookings } from "./callable/staff";
export { payrailWebhook } from "./http/payments";
export { practitionerCalendar, healthz } from "./http/calendar";
export { onBookingCreated, onBookingUpdated } from "./triggers";
export { sendReminders, retryConfirmations, archiveCompleted } from "./scheduled";
