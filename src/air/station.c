/* station.c: what one patrol or AEW station costs to hold around the
 * clock, and the tankers refuelling needs. Equations (A1)-(A10) of
 * docs/model-air.md, after RAND's sortie-rate model. */
#include "guarantor/air.h"

#include <math.h>
#include <string.h>

#define KNOT_KMH 1.852

enum gt_status gt_air_station(const struct gt_aircraft *ac, double distance_km, int ship,
                              bool aar, double reserve_h, struct gt_air_station_need *out,
                              struct gt_err *err)
{
	memset(out, 0, sizeof(*out));
	if (ship < 1 || !(distance_km >= 0) || !(reserve_h >= 0))
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, NULL,
		                  "a station needs at least one aircraft, a distance and a reserve "
		                  "of 0 or more");
	if (aar && !(ac->endurance_aar_h > 0))
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, ac->type,
		                  "no refuelled endurance in the catalogue; it cannot be planned with "
		                  "air-to-air refuelling");
	out->distance_km = distance_km;                                 /* (A1) */
	out->transit_h = distance_km / (ac->cruise_kt * KNOT_KMH);      /* (A2) */
	out->sortie_h = aar ? ac->endurance_aar_h : ac->endurance_h;     /* (A3) */
	out->on_station_h = out->sortie_h - 2 * out->transit_h - reserve_h; /* (A4) */
	if (!(out->on_station_h > 0))
		return gt_err_set(err, GT_E_RANGE, NULL, 0, 0, ac->type,
		                  "a %.1f h sortie cannot reach a station %.0f km away and return "
		                  "(%.1f h of transit%s); expected a closer base%s",
		                  out->sortie_h, distance_km, 2 * out->transit_h,
		                  reserve_h > 0 ? " plus the reserve" : "",
		                  aar ? "" : " or air-to-air refuelling");
	out->cycle_h = out->sortie_h + ac->turnaround_h;                 /* (A5) */
	out->sorties_per_day = ship * 24.0 / out->on_station_h;          /* (A6) */
	/* (A7) the fleet must both cycle fast enough, allowing for the aircraft
	 * not mission-capable (a), and not fly each aircraft more often than a
	 * deployment can keep up for months (b) */
	out->aircraft_cycle = ship * out->cycle_h / out->on_station_h / ac->mc_rate;
	out->aircraft_sustain = out->sorties_per_day / ac->sustained_sorties;
	out->aircraft = fmax(out->aircraft_cycle, out->aircraft_sustain);
	out->aircraft_whole = (long)ceil(out->aircraft - 1e-9);
	out->crews = (long)ceil((double)out->aircraft_whole * ac->crew * ac->crew_ratio - 1e-9); /* (A8) */
	out->personnel = lround((double)out->aircraft_whole * ac->personnel);
	if (aar) {
		/* (A9) refuelling extends each sortie from the unrefuelled
		 * endurance to the refuelled one; tankers supply that extra fuel */
		if (!(ac->fuel_flow_kg_h > 0))
			return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, ac->type,
			                  "no fuel flow in the catalogue; tankers cannot be sized");
		out->fuel_t_per_day = out->sorties_per_day * ac->fuel_flow_kg_h *
		                      (ac->endurance_aar_h - ac->endurance_h) / 1000.0;
	}
	return GT_OK;
}

enum gt_status gt_air_tankers(const struct gt_aircraft *tanker, double fuel_t_per_day,
                              double *tankers, struct gt_err *err)
{
	*tankers = 0;
	if (tanker->role != GT_AIR_TANKER || !(tanker->offload_t > 0))
		return gt_err_set(err, GT_E_USAGE, NULL, 0, 0, tanker->type,
		                  "not a tanker with a fuel offload in the catalogue");
	/* (A10) tanker sorties a day, each cycling sortie + turnaround, and no
	 * tanker flown more often than the sustained rate */
	double sorties = fuel_t_per_day / tanker->offload_t;
	*tankers = fmax(sorties * (tanker->endurance_h + tanker->turnaround_h) / 24.0 / tanker->mc_rate,
	                sorties / tanker->sustained_sorties);
	return GT_OK;
}
